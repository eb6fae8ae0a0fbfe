// npm run worker: webhook delivery and the billing engine on their own, for deployments on
// PostgreSQL that run them apart from the web servers (set WEBHOOK_WORKER=off and BILLING_WORKER=off
// on those). Those variables are the web servers' only: a worker always runs both, so one
// environment file can serve both kinds of process. Stops cleanly on SIGINT/SIGTERM.
import { getConfig } from '../config/get-config';
import { applyMigrations } from '../db/apply-migrations';
import { closeDb, getDb } from '../db/get-db';
import { startBillingWorker } from '../billing-engine/billing-worker';
import { startDeliveryWorker } from '../webhooks/delivery-worker';

try {
  getConfig();
  await applyMigrations(getDb().sql);
} catch (error) {
  console.error(`\n${(error as Error).message}\n`);
  await closeDb().catch(() => {});
  process.exit(1);
}

const workers = [startDeliveryWorker(), startBillingWorker()];
console.log('Plugipay worker running: webhook delivery, billing engine');

let stopping = false;
async function stop(signal: string) {
  if (stopping) return;
  stopping = true;
  console.log(`${signal}: stopping`);
  await Promise.all(workers.map((w) => w.stop()));
  await closeDb();
  process.exit(0);
}
process.on('SIGINT', () => void stop('SIGINT'));
process.on('SIGTERM', () => void stop('SIGTERM'));
