// npm run worker: the webhook delivery worker on its own, for deployments on PostgreSQL that run it
// apart from the web servers (set WEBHOOK_WORKER=off on those). Stops cleanly on SIGINT/SIGTERM.
import { getConfig } from '../config/get-config';
import { applyMigrations } from '../db/apply-migrations';
import { closeDb, getDb } from '../db/get-db';
import { startDeliveryWorker } from '../webhooks/delivery-worker';

try {
  getConfig();
  await applyMigrations(getDb().sql);
} catch (error) {
  console.error(`\n${(error as Error).message}\n`);
  await closeDb().catch(() => {});
  process.exit(1);
}

const worker = startDeliveryWorker();
console.log('Plugipay webhook worker running');

let stopping = false;
async function stop(signal: string) {
  if (stopping) return;
  stopping = true;
  console.log(`${signal}: stopping`);
  await worker.stop();
  await closeDb();
  process.exit(0);
}
process.on('SIGINT', () => void stop('SIGINT'));
process.on('SIGTERM', () => void stop('SIGTERM'));
