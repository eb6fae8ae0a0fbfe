import 'server-only';
import type { TCustomerScope } from './customer-scope';
import { Prisma, type PaymentStatus } from '../db/generated/client';
import { rawRows } from '../db/raw-rows';
import { PAGE_SIZE, toPage } from './keyset-page';

type TRow = { id: string; receiptNumber: string; status: PaymentStatus; currency: string; amount: bigint; createdAt: Date; invoiceId: string | null; invoiceNumber: string | null };

/**
 * One page of a customer's payments (receipts), newest first, by keyset on (createdAt, id), with
 * the invoice each paid: one statement, the keyset as a row comparison (see listInvoices).
 */
export async function listPayments({ accountId, customerId }: TCustomerScope, cursor?: string, size = PAGE_SIZE) {
  const after = cursor
    ? Prisma.sql`AND (p."createdAt", p."id") < (SELECT "createdAt", "id" FROM "Payment" WHERE "id" = ${cursor} AND "accountId" = ${accountId} AND "customerId" = ${customerId})`
    : Prisma.empty;
  const rows = await rawRows<TRow>(Prisma.sql`
    SELECT p."id", p."receiptNumber", p."status", p."currency", p."amount", p."createdAt", p."invoiceId",
      -- Per row shown (a join would let the planner read every invoice of a long history).
      (SELECT i."number" FROM "Invoice" i WHERE i."id" = p."invoiceId") AS "invoiceNumber"
    FROM "Payment" p
    WHERE p."accountId" = ${accountId} AND p."customerId" = ${customerId} ${after}
    ORDER BY p."createdAt" DESC, p."id" DESC
    LIMIT ${size + 1}`);
  return toPage(
    rows.map(({ invoiceId, invoiceNumber, ...payment }) => ({ ...payment, invoice: invoiceId ? { id: invoiceId, number: invoiceNumber! } : null })),
    size,
  );
}
