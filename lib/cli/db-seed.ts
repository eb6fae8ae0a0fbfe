// npm run db:seed: migrates, then writes the demo data (idempotent) and demo-credentials.json.
import { runDbTask } from './run-db-task';
import { migrateAndSeed } from './setup-database';

await runDbTask(migrateAndSeed);
