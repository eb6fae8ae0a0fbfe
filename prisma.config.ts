// Prisma CLI configuration. Only `prisma generate` and `prisma migrate diff` run here (see
// docs/decisions.md): the CLI's Wasm schema engine talks to an in-memory PGlite, so nothing is downloaded.
import { PGlite } from '@electric-sql/pglite';
import { PrismaPGlite } from 'pglite-prisma-adapter';
import { defineConfig } from 'prisma/config';

process.env.DATABASE_URL ??= 'postgresql://placeholder@localhost/placeholder';

export default defineConfig({
  schema: 'prisma/schema.prisma',
  experimental: { adapter: true },
  engine: 'js',
  adapter: async () => new PrismaPGlite(new PGlite()),
});
