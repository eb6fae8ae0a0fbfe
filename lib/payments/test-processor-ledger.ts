import 'server-only';
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { TChargeRequest, TChargeResult } from './payment-processor';

export type TLedgerEntry = { idempotencyKey: string; reference: string; amount: string; currency: string; result: TChargeResult };

/**
 * The test processor's own record of the charges it made, one file per idempotency key under
 * `<DATA_DIR>/test-processor/charges/`: like a real processor's, it outlives any of our processes,
 * so an engine that dies after a charge and retries it is answered from here instead of charging
 * twice. Creating the file is exclusive, so two processes asking at once make one charge.
 */
export function createChargeLedger(dataDir: string) {
  const dir = path.join(dataDir, 'test-processor', 'charges');
  mkdirSync(dir, { recursive: true });
  const fileOf = (key: string) => path.join(dir, `${createHash('sha256').update(key).digest('hex')}.json`);
  const read = (key: string) => (JSON.parse(readFileSync(fileOf(key), 'utf8')) as TLedgerEntry).result;
  return {
    /** The outcome this key already had, or the one `decide` gives it now, written down first. */
    answer(request: TChargeRequest, decide: () => TChargeResult): TChargeResult {
      const result = decide();
      const entry: TLedgerEntry = { idempotencyKey: request.idempotencyKey, reference: request.reference, amount: String(request.amount), currency: request.currency, result };
      try {
        writeFileSync(fileOf(request.idempotencyKey), JSON.stringify(entry), { flag: 'wx' });
        return result;
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'EEXIST') return read(request.idempotencyKey);
        throw error;
      }
    },
  };
}
