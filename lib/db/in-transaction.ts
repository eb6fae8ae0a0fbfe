import 'server-only';
import type { Prisma } from './generated/client';
import { getPrisma } from './get-db';

/** Runs `write` in the caller's transaction when there is one (an import, a seed), else in its own. */
export function inTransaction<T>(tx: Prisma.TransactionClient | undefined, write: (tx: Prisma.TransactionClient) => Promise<T>): Promise<T> {
  return tx ? write(tx) : getPrisma().$transaction(write);
}
