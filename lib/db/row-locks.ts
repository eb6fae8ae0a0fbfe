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

/** Locks one invoice of one account: two payers or two state changes queue, on every instance. */
export async function lockInvoice(tx: Prisma.TransactionClient, { accountId, invoiceId }: { accountId: string; invoiceId: string }): Promise<void> {
  await tx.$queryRaw`SELECT 1 FROM "Invoice" WHERE "accountId" = ${accountId} AND "id" = ${invoiceId} FOR UPDATE`;
}

/** Locks one payment of one account: concurrent refunds count one after another. */
export async function lockPayment(tx: Prisma.TransactionClient, { accountId, paymentId }: { accountId: string; paymentId: string }): Promise<void> {
  await tx.$queryRaw`SELECT 1 FROM "Payment" WHERE "accountId" = ${accountId} AND "id" = ${paymentId} FOR UPDATE`;
}
