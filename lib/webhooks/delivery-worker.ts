import 'server-only';
import { startPollingLoop, type TPollingLoop } from '../server/polling-loop';
import { addressPolicyFromConfig } from './address-policy';
import { attemptDelivery } from './attempt-delivery';
import { claimDueDeliveries } from './claim-deliveries';
import { dispatchEvents } from './dispatch-events';

/** How often an idle worker looks for new events and due retries. */
export const POLL_INTERVAL_MS = 1_000;
/** Attempts one worker makes at once. */
export const CONCURRENCY = 8;

/**
 * The background loop: fan new events out into deliveries, claim the due ones, attempt them. Any
 * number of these may run against one database (in app instances and `npm run worker`).
 */
export function startDeliveryWorker(): TPollingLoop {
  const policy = addressPolicyFromConfig();
  // Stopping cuts attempts in flight short (recorded as failed, so retried), so that a server
  // stopping within its grace period still closes the database cleanly.
  const stopping = new AbortController();
  return startPollingLoop({
    name: 'webhook worker',
    pollMs: POLL_INTERVAL_MS,
    onStop: () => stopping.abort(),
    tick: async () => {
      const dispatched = await dispatchEvents();
      const claimed = await claimDueDeliveries(CONCURRENCY);
      await Promise.all(claimed.map((claim) => attemptDelivery(claim, policy, stopping.signal)));
      return dispatched > 0 || claimed.length === CONCURRENCY;
    },
  });
}
