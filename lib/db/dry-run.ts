import 'server-only';
import type { Prisma } from './generated/client';
import { getPrisma } from './get-db';

// Carries the result out of the transaction that is being rolled back.
class DryRunResult<T> extends Error {
  constructor(readonly result: T) {
    super('dry run: rolled back');
  }
}

/**
 * Runs `work` in a transaction that is always rolled back, and answers what it computed: the very
 * code that makes a change, run to preview it, leaving nothing behind (rows, events, locks).
 */
export async function dryRun<T>(work: (tx: Prisma.TransactionClient) => Promise<T>): Promise<T> {
  try {
    await getPrisma().$transaction(async (tx) => {
      throw new DryRunResult(await work(tx));
    });
  } catch (error) {
    if (error instanceof DryRunResult) return error.result as T;
    throw error;
  }
  throw new Error('unreachable: a dry run always rolls back');
}
