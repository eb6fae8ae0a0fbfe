import { getConfig } from '../config/get-config';
import { closeDb, getDb } from '../db/get-db';
import type { TDatabase } from '../db/open-database';
import type { TConfig } from '../config/load-config';

// Runs one command-line task against the configured database and always closes it (PGlite must be
// closed, or its folder may not open again). Errors print their message only and exit 1.
export async function runDbTask(task: (db: TDatabase, config: TConfig) => Promise<void>): Promise<void> {
  let code = 0;
  try {
    const config = getConfig();
    await task(getDb(), config);
  } catch (error) {
    console.error(`\n${(error as Error).message}\n`);
    code = 1;
  } finally {
    await closeDb().catch((error: Error) => console.error(`closing the database failed: ${error.message}`));
  }
  process.exit(code);
}
