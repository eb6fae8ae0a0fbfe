import 'server-only';
import { startPollingLoop, type TPollingLoop } from '../server/polling-loop';
import { runDueWork } from './run-engine';

/** How often an idle engine looks for renewals, charges and notices that have come due. */
export const ENGINE_POLL_MS = 5_000;

/**
 * The billing engine's loop for customers on real time (test clocks move only when advanced). Its
 * own queue, apart from webhook delivery: any number of these may run on one database, in app
 * instances and `npm run worker`, each piece of work claimed by one of them.
 */
export function startBillingWorker(clock: () => Date = () => new Date()): TPollingLoop {
  return startPollingLoop({ name: 'billing engine', pollMs: ENGINE_POLL_MS, tick: async () => (await runDueWork({ clockId: null }, clock())) > 0 });
}
