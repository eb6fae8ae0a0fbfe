import 'server-only';
import type { TCustomerScope } from './customer-scope';
import { ApiError } from '../api/errors';
import { Prisma } from '../db/generated/client';
import { rawRows } from '../db/raw-rows';
import { hydrate } from '../db/hydrate';
import { INVOICE_LINES_JSON } from './get-invoice-or-throw';

/** What a receipt shows of a payment; the raw read below loads the same. */
export const PAYMENT_DETAIL_INCLUDE = {
  invoice: {
    select: {
      id: true,
      number: true,
      currency: true,
      subtotal: true,
      discount: true,
      total: true,
      lines: { orderBy: { position: 'asc' }, include: { taxes: { orderBy: { taxRateId: 'asc' }, include: { taxRate: true } } } },
    },
  },
} as const satisfies Prisma.PaymentInclude;

export type TPaymentDetail = Prisma.PaymentGetPayload<{ include: typeof PAYMENT_DETAIL_INCLUDE }>;

/**
 * One of this customer's payments with the invoice it paid and its lines; anyone else's id is
 * not_found. Raw and hydrated, as an invoice is (get-invoice-or-throw.ts): every receipt and its PDF read it.
 */
export async function getPaymentOrThrow({ accountId, customerId }: TCustomerScope, id: string): Promise<TPaymentDetail> {
  const [row] = await rawRows<{ payment: unknown }>(Prisma.sql`
    SELECT to_jsonb(p) || jsonb_build_object('invoice', (
      SELECT jsonb_build_object('id', i."id", 'number', i."number", 'currency', i."currency", 'subtotal', i."subtotal", 'discount', i."discount", 'total', i."total",
        'lines', ${INVOICE_LINES_JSON})
      FROM "Invoice" i WHERE i."accountId" = p."accountId" AND i."customerId" = p."customerId" AND i."id" = p."invoiceId")) AS "payment"
    FROM "Payment" p WHERE p."id" = ${id} AND p."accountId" = ${accountId} AND p."customerId" = ${customerId}`);
  if (!row) throw new ApiError('not_found', 'No such receipt.');
  return hydrate<TPaymentDetail>('Payment', row.payment);
}
