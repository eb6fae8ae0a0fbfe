import 'server-only';
import { z } from 'zod';
import { zIdOf, zList, zListQuery, zMinorAmount, ZTimestamp } from '../api/api-schemas';
import { ApiError } from '../api/errors';
import { listOf, pageArgs } from '../api/list-page';
import type { Refund } from '../db/generated/client';
import { getPrisma } from '../db/get-db';
import { lockPayment } from '../db/row-locks';
import { isId, newId } from '../ids/new-id';
import { recordEvent } from '../webhooks/record-event';

export const ZRefund = z
  .object({
    id: z.string(),
    object: z.literal('refund'),
    payment: z.string(),
    amount: z.number().int(),
    currency: z.string(),
    reason: z.enum(['duplicate', 'fraudulent', 'requested_by_customer']).nullable(),
    status: z.literal('succeeded'),
    createdAt: ZTimestamp,
  })
  .meta({ id: 'Refund' });

export const ZRefundCreate = z
  .strictObject({
    payment: zIdOf('payment', 'payment'),
    amount: zMinorAmount({ min: 1 }).optional().meta({ description: 'Defaults to all that is left to refund.' }),
    reason: z.enum(['duplicate', 'fraudulent', 'requested_by_customer']).optional(),
  })
  .meta({ id: 'RefundCreate' });

export const ZRefundListQuery = zListQuery('refund', 'refund', { payment: zIdOf('payment', 'payment').optional() });
export const ZRefundList = zList(ZRefund, 'RefundList');

export function serializeRefund(r: Refund): z.infer<typeof ZRefund> {
  return { id: r.id, object: 'refund', payment: r.paymentId, amount: Number(r.amount), currency: r.currency, reason: r.reason as z.infer<typeof ZRefund>['reason'], status: 'succeeded', createdAt: r.createdAt.toISOString() };
}

/**
 * Refunds a succeeded payment, whole or in part. The payment row's lock makes concurrent refunds
 * count one after another, so together they never exceed what was paid (409 invalid_state).
 */
export async function createRefund(accountId: string, input: z.infer<typeof ZRefundCreate>, now = new Date()) {
  return getPrisma().$transaction(async (tx) => {
    await lockPayment(tx, { accountId, paymentId: input.payment });
    const payment = await tx.payment.findFirst({ where: { id: input.payment, accountId } });
    if (!payment) throw new ApiError('not_found', `No such payment: ${input.payment}.`, 'payment');
    if (payment.status !== 'succeeded') throw new ApiError('invalid_state', `This payment is ${payment.status}; only money taken can be refunded.`);
    const left = payment.amount - payment.amountRefunded;
    const amount = input.amount === undefined ? left : BigInt(input.amount);
    if (amount > left) throw new ApiError('invalid_state', `Only ${left} (minor units of ${payment.currency}) is left to refund on this payment.`, 'amount');
    const refund = await tx.refund.create({ data: { id: newId('refund'), accountId, paymentId: payment.id, amount, currency: payment.currency, reason: input.reason ?? null, createdAt: now } });
    const refunded = payment.amountRefunded + amount;
    await tx.payment.update({ where: { id: payment.id }, data: { amountRefunded: refunded, status: refunded === payment.amount ? 'refunded' : 'succeeded' } });
    const resource = serializeRefund(refund);
    await recordEvent(tx, { accountId, type: 'plugipay.refund.created.v1', object: resource });
    return resource;
  });
}

export async function retrieveRefund(accountId: string, id: string) {
  const refund = isId('refund', id) ? await getPrisma().refund.findFirst({ where: { id, accountId } }) : null;
  if (!refund) throw new ApiError('not_found', `No such refund: ${id}.`, 'id');
  return serializeRefund(refund);
}

export async function listRefunds(accountId: string, query: z.infer<typeof ZRefundListQuery>) {
  const page = pageArgs(query);
  const rows = await getPrisma().refund.findMany({ where: { accountId, ...(query.payment ? { paymentId: query.payment } : {}), ...page.cursor }, orderBy: page.orderBy, take: page.take });
  return listOf(rows, query, serializeRefund);
}
