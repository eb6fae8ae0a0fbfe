import 'server-only';
import { subscriptionCharge, type TRenewableSubscription, type TSubscriptionCharge } from '../billing/renewal-charge';
import type { Customer, PauseBehavior, Prisma } from '../db/generated/client';
import { newId } from '../ids/new-id';
import { INVOICE_INCLUDE, serializeInvoice } from '../invoices/invoice-resource';
import { recordEvents, type TEventType } from '../webhooks/record-event';
import { takeDocumentNumber } from './document-numbers';
import { dueDate } from './due-date';
import { buyerSnapshot } from '../billing/buyer';
import { settleBalance } from '../billing/customer-balance';

type TIssue = {
  subscription: TRenewableSubscription;
  customer: Customer;
  periodStart: Date;
  periodEnd: Date;
  /** When it is issued (the engine's time, a test clock's on a clock). */
  at: Date;
  billingReason: 'subscription_create' | 'subscription_cycle' | 'subscription_update';
  /** When the engine charges it; null: not by the engine (charged by the caller, or waiting for the customer). */
  collectAt: Date | null;
  /** What it bills; by default the period's subscriptionCharge (its items and the prorations waiting for it). */
  charge?: TSubscriptionCharge;
  /** Collection paused: the invoice is made but not asked for (kept as a draft, marked uncollectible or voided). */
  paused?: PauseBehavior | null;
};

/**
 * Issues the invoice of one subscription period, finalized with the account's next number: lines
 * from subscriptionCharge at the period's start (the computation "Next charge" shows), each line's
 * taxes, the buyer as they are now. A zero total is paid at once. Events: created and finalized
 * (and paid). Charging it is the caller's or the engine's part (collectAt).
 */
export async function issueSubscriptionInvoice(tx: Prisma.TransactionClient, { subscription, customer, periodStart, periodEnd, at, billingReason, collectAt, charge: given, paused = null }: TIssue) {
  const { accountId } = subscription;
  const charge = given ?? subscriptionCharge(subscription, periodStart);
  const invoiceId = newId('invoice');
  const draft = paused === 'keep_as_draft';
  // A draft spends no credit until it is finalized; a finalized invoice is settled against the balance.
  const balance = draft ? { startingBalance: 0n, endingBalance: 0n, amountDue: charge.total } : await settleBalance(tx, { accountId, customerId: customer.id, currency: subscription.currency }, charge.total, at, subscription.customer.balances);
  // Nothing to pay: a zero total, or one the customer's credit covers (a negative total adds to it).
  const paidNow = !draft && balance.amountDue === 0n;
  const closed = paidNow || paused !== null;
  await tx.invoice.create({
    data: {
      id: invoiceId,
      accountId,
      customerId: customer.id,
      subscriptionId: subscription.id,
      number: draft ? null : await takeDocumentNumber(tx, accountId, 'invoice'),
      status: draft ? 'draft' : paidNow ? 'paid' : paused === 'void' ? 'void' : paused === 'mark_uncollectible' ? 'uncollectible' : 'open',
      billingReason,
      nextPaymentAttempt: closed || subscription.collectionMethod !== 'charge_automatically' ? null : collectAt,
      collectionMethod: subscription.collectionMethod,
      currency: subscription.currency,
      subtotal: charge.subtotal,
      discount: charge.discount,
      tax: charge.tax,
      inclusiveTax: charge.inclusiveTax,
      total: charge.total,
      startingBalance: balance.startingBalance,
      endingBalance: balance.endingBalance,
      periodStart,
      periodEnd,
      issuedAt: at,
      dueAt: dueDate(subscription, at),
      paidAt: paidNow ? at : null,
      voidedAt: paused === 'void' && !paidNow ? at : null,
      ...buyerSnapshot(customer),
      createdAt: at,
    },
  });
  const lineIds = charge.lines.map(() => newId('invoiceLine'));
  await tx.invoiceLine.createMany({
    data: charge.lines.map((line, position) => ({
      id: lineIds[position]!,
      invoiceId,
      position,
      accountId,
      priceId: line.priceId,
      description: line.description,
      quantity: line.quantity,
      unitAmount: line.unitAmount,
      amount: line.amount,
      discountAmount: line.discountAmount,
      proration: line.proration,
      periodStart: line.period?.start ?? periodStart,
      periodEnd: line.period?.end ?? periodEnd,
    })),
  });
  // The prorations that were waiting are billed now, on this invoice, and on no other.
  const billed = given ? [] : subscription.pendingProrations.map((p) => p.id);
  if (billed.length > 0) await tx.pendingProration.updateMany({ where: { id: { in: billed }, invoiceId: null }, data: { invoiceId } });
  const taxes = charge.lines.flatMap((line, position) =>
    line.taxes.map((t) => ({ accountId, invoiceLineId: lineIds[position]!, taxRateId: t.taxRate.id, taxableAmount: t.taxableAmount, amount: t.amount })),
  );
  if (taxes.length > 0) await tx.invoiceLineTax.createMany({ data: taxes });
  const invoice = await tx.invoice.findUniqueOrThrow({ where: { id: invoiceId }, include: INVOICE_INCLUDE });
  const object = serializeInvoice(invoice);
  const closedAs: TEventType | null = paidNow ? 'plugipay.invoice.paid.v1' : paused === 'void' ? 'plugipay.invoice.voided.v1' : paused === 'mark_uncollectible' ? 'plugipay.invoice.marked_uncollectible.v1' : null;
  const types: TEventType[] = draft ? ['plugipay.invoice.created.v1'] : ['plugipay.invoice.created.v1', 'plugipay.invoice.finalized.v1', ...(closedAs ? [closedAs] : [])];
  await recordEvents(tx, types.map((type) => ({ accountId, type, object })));
  return invoice;
}
