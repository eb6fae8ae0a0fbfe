import 'server-only';
import type { TCustomerScope } from './customer-scope';
import { ApiError } from '../api/errors';
import { Prisma } from '../db/generated/client';
import { rawRows } from '../db/raw-rows';
import { hydrate } from '../db/hydrate';

/** What the invoice page and PDF show of an invoice; the raw read below loads the same. */
export const INVOICE_DETAIL_INCLUDE = {
  lines: { orderBy: { position: 'asc' }, include: { taxes: { orderBy: { taxRateId: 'asc' }, include: { taxRate: true } } } },
  payments: { where: { status: { in: ['succeeded', 'refunded'] } }, orderBy: { createdAt: 'asc' } },
} as const satisfies Prisma.InvoiceInclude;

export type TInvoiceDetail = Prisma.InvoiceGetPayload<{ include: typeof INVOICE_DETAIL_INCLUDE }>;

/** Invoice `i`'s lines in order, each with its taxes and their rates, as one JSON array. */
export const INVOICE_LINES_JSON = Prisma.sql`(SELECT coalesce(jsonb_agg(to_jsonb(l) || jsonb_build_object('taxes',
    (SELECT coalesce(jsonb_agg(to_jsonb(t) || jsonb_build_object('taxRate', to_jsonb(r)) ORDER BY t."taxRateId"), '[]')
      FROM "InvoiceLineTax" t JOIN "TaxRate" r ON r."accountId" = t."accountId" AND r."id" = t."taxRateId" WHERE t."invoiceLineId" = l."id")
  ) ORDER BY l."position"), '[]') FROM "InvoiceLine" l WHERE l."invoiceId" = i."id")`;

/**
 * One of this customer's invoices with its lines, their taxes and its payments; anyone else's id is
 * not_found. Raw and hydrated, as the live subscriptions are: every invoice page and PDF reads it.
 */
export async function getInvoiceOrThrow({ accountId, customerId }: TCustomerScope, id: string): Promise<TInvoiceDetail> {
  const [row] = await rawRows<{ invoice: unknown }>(Prisma.sql`
    SELECT to_jsonb(i) || jsonb_build_object(
      'lines', ${INVOICE_LINES_JSON},
      'payments', (SELECT coalesce(jsonb_agg(to_jsonb(p) ORDER BY p."createdAt"), '[]') FROM "Payment" p
        WHERE p."accountId" = i."accountId" AND p."customerId" = i."customerId" AND p."invoiceId" = i."id" AND p."status" IN ('succeeded', 'refunded'))
    ) AS "invoice"
    FROM "Invoice" i WHERE i."id" = ${id} AND i."accountId" = ${accountId} AND i."customerId" = ${customerId} AND i."status" <> 'draft'`);
  if (!row) throw new ApiError('not_found', 'No such invoice.');
  return hydrate<TInvoiceDetail>('Invoice', row.invoice);
}
