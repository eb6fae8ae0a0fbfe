import 'server-only';
import { endDueCancellations } from '../billing/end-due-cancellations';
import { logger } from '../log/logger';
import { addressPolicyFromConfig } from './address-policy';
import { attemptDelivery } from './attempt-delivery';
import { claimDueDeliveries } from './claim-deliveries';
import { dispatchEvents } from './dispatch-events';

/** How often an idle worker looks for new events and due retries. */
export const POLL_INTERVAL_MS = 1_000;
/** Attempts one worker makes at once. */
export const CONCURRENCY = 8;
/** How often a worker ends the subscriptions whose cancellation at the period end has come due. */
export const CANCELLATION_SWEEP_MS = 15_000;

export type TDeliveryWorker = { stop: () => Promise<void> };

/**
 * The background loop: end the cancellations that have come due (events of their own), fan new
 * events out into deliveries, claim the due ones, attempt them. Any number of these may run
 * against one database (in app instances and `npm run worker`).
 */
export function startDeliveryWorker(): TDeliveryWorker {
  const policy = addressPolicyFromConfig();
  let running = true;
  // Stopping cuts attempts in flight short (recorded as failed, so retried), so that a server
  // stopping within its grace period still closes the database cleanly.
  const stopping = new AbortController();
  let wake: () => void = () => {};

  let lastSweep = 0;

  async function tick(): Promise<boolean> {
    if (Date.now() - lastSweep >= CANCELLATION_SWEEP_MS) {
      lastSweep = Date.now();
      await endDueCancellations();
    }
    const dispatched = await dispatchEvents();
    const claimed = await claimDueDeliveries(CONCURRENCY);
    await Promise.all(claimed.map((claim) => attemptDelivery(claim, policy, stopping.signal)));
    return dispatched > 0 || claimed.length === CONCURRENCY;
  }

  const loop = (async () => {
    while (running) {
      let busy = false;
      try {
        busy = await tick();
      } catch (error) {
        logger.error({ err: error }, 'webhook worker: a round failed; trying again');
      }
      if (!busy && running) await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, POLL_INTERVAL_MS);
        wake = () => {
          clearTimeout(timer);
          resolve();
        };
      });
    }
  })();

  logger.info('webhook worker started');
  return {
    stop: async () => {
      running = false;
      stopping.abort();
      wake();
      await loop;
    },
  };
}
