import 'server-only';
import type { Prisma } from '../db/generated/client';
import { newId } from '../ids/new-id';

export const EVENT_TYPES = [
  'plugipay.portal_session.created.v1',
  'plugipay.customer.created.v1',
  'plugipay.customer.updated.v1',
  'plugipay.customer.deleted.v1',
  'plugipay.product.created.v1',
  'plugipay.product.updated.v1',
  'plugipay.price.created.v1',
  'plugipay.price.updated.v1',
  'plugipay.tax_rate.created.v1',
  'plugipay.tax_rate.updated.v1',
  'plugipay.coupon.created.v1',
  'plugipay.coupon.deleted.v1',
  'plugipay.subscription.created.v1',
  'plugipay.subscription.canceled.v1',
  'plugipay.subscription.updated.v1',
  'plugipay.subscription.trial_will_end.v1',
  'plugipay.invoice.created.v1',
  'plugipay.invoice.finalized.v1',
  'plugipay.invoice.paid.v1',
  'plugipay.invoice.payment_failed.v1',
  'plugipay.invoice.payment_action_required.v1',
  'plugipay.invoice.voided.v1',
  'plugipay.invoice.marked_uncollectible.v1',
  'plugipay.payment.succeeded.v1',
  'plugipay.payment.failed.v1',
  'plugipay.refund.created.v1',
  'plugipay.payment_method.attached.v1',
  'plugipay.payment_method.detached.v1',
  'plugipay.payment_method.updated.v1',
] as const;
export type TEventType = (typeof EVENT_TYPES)[number];

type TEventInput = { accountId: string; type: TEventType; object: Record<string, unknown> };

/**
 * Writes an event to the outbox. Call it inside the transaction that makes the change, so that the
 * change and its event commit or roll back together; the delivery worker sends it later.
 */
export async function recordEvent(tx: Prisma.TransactionClient, event: TEventInput): Promise<string> {
  const [id] = await recordEvents(tx, [event]);
  return id!;
}

/**
 * Several events in one statement, in order (their ids sort as given): a batch's, in its
 * transaction; their ids. createMany answers nothing back: create would send each event's JSON
 * back only for it to be parsed again.
 */
export async function recordEvents(tx: Prisma.TransactionClient, events: TEventInput[]): Promise<string[]> {
  if (events.length === 0) return [];
  const rows = events.map(({ accountId, type, object }) => ({ id: newId('event'), accountId, type, data: { object } as Prisma.InputJsonValue }));
  await tx.event.createMany({ data: rows });
  return rows.map((row) => row.id);
}
