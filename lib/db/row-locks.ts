import 'server-only';
import type { Prisma } from './generated/client';

// Row locks that make one tenant's checks and writes run one after another, on every instance
// (PostgreSQL holds them until the transaction ends): a count checked under the lock stays true
// until the write that depends on it commits.

/** Locks one customer of one account for the rest of the transaction. */
export async function lockCustomer(tx: Prisma.TransactionClient, { accountId, customerId }: { accountId: string; customerId: string }): Promise<void> {
  await tx.$queryRaw`SELECT 1 FROM "Customer" WHERE "accountId" = ${accountId} AND "id" = ${customerId} FOR UPDATE`;
}

/** Locks one account for the rest of the transaction. */
export async function lockAccount(tx: Prisma.TransactionClient, accountId: string): Promise<void> {
  await tx.$queryRaw`SELECT 1 FROM "Account" WHERE "id" = ${accountId} FOR UPDATE`;
}
