// npm run db:migrate: applies prisma/migrations to the configured database.
import { applyMigrations } from '../db/apply-migrations';
import { runDbTask } from './run-db-task';

await runDbTask(async (db) => {
  const { applied, alreadyApplied } = await applyMigrations(db.sql);
  console.log(`${db.kind} database ${db.location}: ${applied.length} applied, ${alreadyApplied.length} already applied`);
  for (const name of applied) console.log(`  applied ${name}`);
});
