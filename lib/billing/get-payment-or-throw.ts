import 'server-only';
import type { TCustomerScope } from './customer-scope';
import { ApiError } from '../api/errors';
import { getPrisma } from '../db/get-db';

/** One of this customer's payments with the invoice it paid and its lines; anyone else's id is not_found. */
export async function getPaymentOrThrow({ accountId, customerId }: TCustomerScope, id: string) {
  const payment = await getPrisma().payment.findFirst({
    where: { id, accountId, customerId },
    include: {
      invoice: {
        select: {
          id: true,
          number: true,
          currency: true,
          subtotal: true,
          discount: true,
          total: true,
          lines: { orderBy: { position: 'asc' }, include: { taxes: { include: { taxRate: true } } } },
        },
      },
    },
  });
  if (!payment) throw new ApiError('not_found', 'No such receipt.');
  return payment;
}

export type TPaymentDetail = Awaited<ReturnType<typeof getPaymentOrThrow>>;
