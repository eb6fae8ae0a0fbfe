// npm run db:diff -- <name>: writes prisma/migrations/<timestamp>_<name>/migration.sql with the SQL
// that takes the schema of the last committed migration to prisma/schema.prisma. Review it, add any
// CHECK or partial index by hand, and commit it with the schema.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const name = process.argv[2];
if (!name || !/^[a-z0-9_]+$/.test(name)) {
  console.error('usage: npm run db:diff -- <migration_name in snake_case>');
  process.exit(2);
}
const lastMigrationCommit = execFileSync('git', ['log', '-1', '--format=%H', '--', 'prisma/migrations'], { encoding: 'utf8' }).trim();
const previous = path.join(mkdtempSync(path.join(os.tmpdir(), 'plugipay-diff-')), 'schema.prisma');
writeFileSync(previous, execFileSync('git', ['show', `${lastMigrationCommit}:prisma/schema.prisma`], { encoding: 'utf8' }));

const sql = execFileSync(
  'node_modules/.bin/prisma',
  ['migrate', 'diff', '--from-schema-datamodel', previous, '--to-schema-datamodel', 'prisma/schema.prisma', '--script'],
  { encoding: 'utf8', env: { ...process.env, PRISMA_QUERY_ENGINE_LIBRARY: 'package.json' } },
);
if (!/^\s*(ALTER|CREATE|DROP)/m.test(sql)) {
  console.log('prisma/schema.prisma matches the last migration: nothing to write.');
  process.exit(0);
}
const stamp = new Date().toISOString().replace(/\D/g, '').slice(0, 14);
const dir = path.join('prisma', 'migrations', `${stamp}_${name}`);
mkdirSync(dir, { recursive: true });
writeFileSync(path.join(dir, 'migration.sql'), sql);
console.log(`wrote ${dir}/migration.sql`);
