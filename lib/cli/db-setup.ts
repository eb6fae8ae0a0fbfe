// Run by npm start before the server: migrate, and seed an empty database in demo mode.
import { runDbTask } from './run-db-task';
import { setUpDatabase } from './setup-database';

await runDbTask(setUpDatabase);
