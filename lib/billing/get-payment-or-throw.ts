import 'server-only';
import { ApiError } from '../api/errors';
import { getPrisma } from '../db/get-db';

type TScope = { accountId: string; customerId: string };

/** One of this customer's payments with the invoice it paid; anyone else's id is not_found. */
export async function getPaymentOrThrow({ accountId, customerId }: TScope, id: string) {
  const payment = await getPrisma().payment.findFirst({
    where: { id, accountId, customerId },
    include: { invoice: { select: { id: true, number: true, total: true, currency: true } } },
  });
  if (!payment) throw new ApiError('not_found', 'No such receipt.');
  return payment;
}
