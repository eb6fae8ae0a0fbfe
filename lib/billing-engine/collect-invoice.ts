import 'server-only';
import type { Invoice, PaymentMethod, Prisma } from '../db/generated/client';
import { getPrisma } from '../db/get-db';
import { lockCustomer, lockInvoice } from '../db/row-locks';
import type { TProcessorDecline } from '../payments/payment-processor';
import { nextRetryAt } from './dunning';
import { chargeLockedInvoice, countFailedAttempt } from './pay-invoice';
import { moveSubscription } from './subscription-standing';

/** The card the engine charges: the subscription's, else the customer's default. */
async function cardFor(tx: Prisma.TransactionClient, invoice: Invoice): Promise<PaymentMethod | null> {
  const scope = { accountId: invoice.accountId, customerId: invoice.customerId, detachedAt: null };
  const subscription = invoice.subscriptionId ? await tx.subscription.findUnique({ where: { id: invoice.subscriptionId }, select: { defaultPaymentMethodId: true } }) : null;
  const own = subscription?.defaultPaymentMethodId ? await tx.paymentMethod.findFirst({ where: { ...scope, id: subscription.defaultPaymentMethodId } }) : null;
  return own ?? (await tx.paymentMethod.findFirst({ where: { ...scope, isDefault: true } }));
}

/**
 * The engine's attempt to collect an open invoice (the caller holds its row), with `card` when the
 * customer has just given one. Paid: done. Failed (declined, or no card to charge): the next try is
 * scheduled from the account's retry days, the subscription is past_due; after the last retry it is
 * canceled or marked unpaid, as the account chose, and the invoice stays open for the customer to pay.
 */
export async function collectInvoice(tx: Prisma.TransactionClient, invoice: Invoice, at: Date, card?: PaymentMethod): Promise<void> {
  const chargeTo = card ?? (await cardFor(tx, invoice));
  if (chargeTo) {
    const outcome = await chargeLockedInvoice(tx, { invoice, card: chargeTo, at });
    // A card the customer just gave is tried once, out of the schedule, which it leaves as it was.
    if (outcome.paid || card) return;
  } else {
    await countFailedAttempt(tx, invoice, at);
  }
  await scheduleNextAttempt(tx, invoice, at);
}

/** After a failed attempt (`invoice` as it was before it): the next try, and the subscription's standing. */
async function scheduleNextAttempt(tx: Prisma.TransactionClient, invoice: Invoice, at: Date): Promise<void> {
  const account = await tx.account.findUniqueOrThrow({ where: { id: invoice.accountId }, select: { dunningRetryDays: true, dunningFinalAction: true } });
  const retryAt = nextRetryAt(invoice.firstFailedAt ?? at, invoice.attemptCount + 1, account.dunningRetryDays);
  await tx.invoice.update({ where: { id: invoice.id }, data: { nextPaymentAttempt: retryAt } });
  if (!invoice.subscriptionId) return;
  const ref = { accountId: invoice.accountId, subscriptionId: invoice.subscriptionId };
  if (retryAt) await moveSubscription(tx, ref, ['active'], { status: 'past_due' });
  else if (account.dunningFinalAction === 'cancel') await moveSubscription(tx, ref, ['active', 'past_due'], { status: 'canceled', canceledAt: at, endedAt: at, cancelAtPeriodEnd: false });
  else await moveSubscription(tx, ref, ['active', 'past_due'], { status: 'unpaid' });
}

/** The engine's collection of one claimed invoice. */
export async function collectClaimedInvoice(tx: Prisma.TransactionClient, invoiceId: string, at: Date): Promise<void> {
  await collectInvoice(tx, await tx.invoice.findUniqueOrThrow({ where: { id: invoiceId } }), at);
}

export type TUndoneCharge = { declined: TProcessorDecline | 'no_default_card' };

/**
 * Charges a change billed now, once, for a caller that wants all or nothing (paymentBehavior
 * error_if_incomplete): declined, or with no card to charge, `undo` puts the change back and nothing
 * is retried. A bank that asks the customer to confirm, or an undo refused because the subscription
 * changed since, leaves the invoice open and retried as any other.
 */
export async function collectOrUndo(
  { accountId, customerId, invoiceId, at }: { accountId: string; customerId: string; invoiceId: string; at: Date },
  undo: (tx: Prisma.TransactionClient) => Promise<boolean>,
): Promise<TUndoneCharge | null> {
  return getPrisma().$transaction(
    async (tx) => {
      await lockCustomer(tx, { accountId, customerId });
      await lockInvoice(tx, { accountId, invoiceId });
      const invoice = await tx.invoice.findFirst({ where: { id: invoiceId, accountId, status: 'open' } });
      if (!invoice) return null;
      const card = await cardFor(tx, invoice);
      const outcome = card ? await chargeLockedInvoice(tx, { invoice, card, at }) : null;
      if (outcome?.paid) return null;
      if (!outcome) await countFailedAttempt(tx, invoice, at);
      const declined = outcome?.code ?? 'no_default_card';
      if (declined !== 'authentication_required' && (await undo(tx))) return { declined };
      await scheduleNextAttempt(tx, invoice, at);
      return null;
    },
    { timeout: 30_000 },
  );
}

/**
 * Collects one open invoice at once, exactly as the engine would when it comes due: a change billed
 * now (if this process stops first, the engine collects it), or, with `paymentMethodId`, the card
 * the customer has just given, tried once even after the retries ran out.
 */
export async function collectNow(accountId: string, invoiceId: string, at: Date, paymentMethodId?: string): Promise<void> {
  await getPrisma().$transaction(
    async (tx) => {
      await lockInvoice(tx, { accountId, invoiceId });
      const scheduled = paymentMethodId ? {} : { nextPaymentAttempt: { not: null } };
      const invoice = await tx.invoice.findFirst({ where: { id: invoiceId, accountId, status: 'open', ...scheduled } });
      if (!invoice) return;
      if (!paymentMethodId) return collectInvoice(tx, invoice, at);
      const card = await tx.paymentMethod.findFirst({ where: { id: paymentMethodId, accountId, customerId: invoice.customerId, detachedAt: null } });
      if (card) await collectInvoice(tx, invoice, at, card);
    },
    { timeout: 30_000 },
  );
}
