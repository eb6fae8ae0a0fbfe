import 'server-only';
import { logger } from '../log/logger';

export type TPollingLoop = { stop: () => Promise<void> };

/**
 * Runs `tick` over and over: at once again while it reports more work (true), else after
 * `pollMs`. A failing round is logged and the loop goes on. `stop` ends the wait at once and
 * resolves when the round in flight has finished (`onStop` may cut that round short).
 */
export function startPollingLoop({ name, pollMs, tick, onStop }: { name: string; pollMs: number; tick: () => Promise<boolean>; onStop?: () => void }): TPollingLoop {
  let running = true;
  let wake: () => void = () => {};
  const loop = (async () => {
    while (running) {
      let busy = false;
      try {
        busy = await tick();
      } catch (error) {
        logger.error({ err: error }, `${name}: a round failed; trying again`);
      }
      // Busy, it goes again at once, but after the requests waiting on the event loop (the embedded
      // database does no real I/O, so without this a busy loop would starve them).
      if (busy) await new Promise<void>((resolve) => setImmediate(resolve));
      else if (running) await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, pollMs);
        wake = () => {
          clearTimeout(timer);
          resolve();
        };
      });
    }
  })();
  logger.info(`${name} started`);
  return {
    stop: async () => {
      running = false;
      onStop?.();
      wake();
      await loop;
    },
  };
}
