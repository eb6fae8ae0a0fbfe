import 'server-only';
import type { TCustomerScope } from './customer-scope';
import { Prisma, type InvoiceStatus } from '../db/generated/client';
import { rawRows } from '../db/raw-rows';
import { PAGE_SIZE, toPage } from './keyset-page';

export type TInvoiceRow = { id: string; number: string; status: InvoiceStatus; currency: string; total: bigint; issuedAt: Date; dueAt: Date | null };

/**
 * One page of a customer's invoices, newest first, by keyset on (issuedAt, id). The row comparison
 * `(issuedAt, id) < (…)` is an index condition on (accountId, customerId, issuedAt, id), so the
 * 500th page reads as few rows as the first; Prisma can only write it as an OR, which PostgreSQL
 * applies as a filter after reading every newer row (docs/decisions.md). A cursor that is not one
 * of this customer's invoices gives an empty page.
 */
export async function listInvoices({ accountId, customerId }: TCustomerScope, cursor?: string, size = PAGE_SIZE) {
  const after = cursor
    ? Prisma.sql`AND ("issuedAt", "id") < (SELECT "issuedAt", "id" FROM "Invoice" WHERE "id" = ${cursor} AND "accountId" = ${accountId} AND "customerId" = ${customerId})`
    : Prisma.empty;
  const rows = await rawRows<TInvoiceRow>(Prisma.sql`
    SELECT "id", "number", "status", "currency", "total", "issuedAt", "dueAt" FROM "Invoice"
    WHERE "accountId" = ${accountId} AND "customerId" = ${customerId} AND "status" <> 'draft' ${after}
    ORDER BY "issuedAt" DESC, "id" DESC
    LIMIT ${size + 1}`);
  return toPage(rows, size);
}
