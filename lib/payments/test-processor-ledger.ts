import 'server-only';
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { TChargeRequest, TChargeResult } from './payment-processor';

export type TLedgerEntry = { idempotencyKey: string; reference: string; amount: string; currency: string; result: TChargeResult; recordedAt: string };

/** How long a charge's outcome answers for its key: a day, as Stripe keeps idempotency keys. */
export const LEDGER_TTL_MS = 24 * 60 * 60 * 1000;
const PRUNE_EVERY_MS = 60 * 60 * 1000;

/**
 * The test processor's own record of the charges it made, one file per idempotency key under
 * `<DATA_DIR>/test-processor/charges/`: like a real processor's, it outlives any of our processes,
 * so an engine that dies after a charge and retries it is answered from here instead of charging
 * twice. Creating the file is exclusive, so two processes asking at once make one charge. Entries
 * older than a day are removed (at most hourly): an engine retries within minutes, and a demo that
 * bills for years on a test clock would otherwise leave a file per charge forever.
 */
export function createChargeLedger(dataDir: string) {
  const dir = path.join(dataDir, 'test-processor', 'charges');
  mkdirSync(dir, { recursive: true });
  const fileOf = (key: string) => path.join(dir, `${createHash('sha256').update(key).digest('hex')}.json`);
  let prunedAt = Number.NEGATIVE_INFINITY;

  const prune = (now: Date) => {
    if (now.getTime() - prunedAt < PRUNE_EVERY_MS) return;
    prunedAt = now.getTime();
    for (const name of readdirSync(dir)) {
      const file = path.join(dir, name);
      try {
        const entry = JSON.parse(readFileSync(file, 'utf8')) as Partial<TLedgerEntry>;
        // Entries written before recordedAt existed are dated by their file.
        const recordedAt = entry.recordedAt ? Date.parse(entry.recordedAt) : statSync(file).mtimeMs;
        if (now.getTime() - recordedAt > LEDGER_TTL_MS) rmSync(file, { force: true });
      } catch {
        // Half written by another process this instant, or removed by one: neither is stale.
      }
    }
  };

  return {
    /** The outcome this key already had, or the one `decide` gives it now, written down first. */
    answer(request: TChargeRequest, now: Date, decide: () => TChargeResult): TChargeResult {
      prune(now);
      const result = decide();
      const entry: TLedgerEntry = { idempotencyKey: request.idempotencyKey, reference: request.reference, amount: String(request.amount), currency: request.currency, result, recordedAt: now.toISOString() };
      const file = fileOf(request.idempotencyKey);
      for (;;) {
        try {
          writeFileSync(file, JSON.stringify(entry), { flag: 'wx' });
          return result;
        } catch (error) {
          if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
        }
        try {
          return (JSON.parse(readFileSync(file, 'utf8')) as TLedgerEntry).result;
        } catch (error) {
          // Pruned by another process between the two: a day old, so this outcome stands now.
          if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
        }
      }
    },
  };
}
