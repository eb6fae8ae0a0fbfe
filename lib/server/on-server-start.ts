import 'server-only';
import { getConfig } from '../config/get-config';
import { startBillingWorker } from '../billing-engine/billing-worker';
import { startDatabaseUpkeep } from '../db/database-upkeep';
import { closeDb } from '../db/get-db';
import { logger } from '../log/logger';
import { startDeliveryWorker } from '../webhooks/delivery-worker';

const SHUTDOWN = Symbol.for('plugipay.shutdown');

// Called once when the server process starts (instrumentation.ts). A bad environment stops the
// server here, naming the variable, instead of failing on the first request.
export function onServerStart(): void {
  try {
    const config = getConfig();
    logger.info({ mode: config.mode, database: config.databaseUrl ? 'postgresql' : 'embedded' }, 'configuration loaded');
  } catch (error) {
    console.error(`\n${(error as Error).message}\n`);
    process.exit(1);
  }
  const worker = getConfig().webhookWorker ? startDeliveryWorker() : undefined;
  const engine = getConfig().billingWorker ? startBillingWorker() : undefined;
  const upkeep = startDatabaseUpkeep();
  // lib/cli/serve.ts calls this after the HTTP server has stopped taking requests.
  (globalThis as Record<symbol, unknown>)[SHUTDOWN] = async () => {
    await Promise.all([worker?.stop(), engine?.stop(), upkeep.stop()]);
    await closeDb();
  };
}
