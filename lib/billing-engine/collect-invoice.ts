import 'server-only';
import type { PaymentMethod, Prisma } from '../db/generated/client';
import { getPrisma } from '../db/get-db';
import { lockInvoice } from '../db/row-locks';
import { INVOICE_INCLUDE, serializeInvoice } from '../invoices/invoice-resource';
import { recordEvent } from '../webhooks/record-event';
import { nextRetryAt } from './dunning';
import { chargeLockedInvoice } from './pay-invoice';
import { moveSubscription } from './subscription-standing';

/** The card the engine charges: the one given, else the subscription's, else the customer's default. */
async function cardFor(tx: Prisma.TransactionClient, invoice: { accountId: string; customerId: string; subscriptionId: string | null }): Promise<PaymentMethod | null> {
  const scope = { accountId: invoice.accountId, customerId: invoice.customerId, detachedAt: null };
  const subscription = invoice.subscriptionId ? await tx.subscription.findUnique({ where: { id: invoice.subscriptionId }, select: { defaultPaymentMethodId: true } }) : null;
  const own = subscription?.defaultPaymentMethodId ? await tx.paymentMethod.findFirst({ where: { ...scope, id: subscription.defaultPaymentMethodId } }) : null;
  return own ?? (await tx.paymentMethod.findFirst({ where: { ...scope, isDefault: true } }));
}

/**
 * The engine's attempt to collect an open invoice (the caller holds its row), with `card` when the
 * customer has just given one. Paid: done. Failed
 * (declined, or no card to charge): the next try is scheduled from the account's retry days, the
 * subscription is past_due; after the last retry it is canceled or marked unpaid, as the account
 * chose, and the invoice stays open for the customer to pay.
 */
export async function collectInvoice(tx: Prisma.TransactionClient, invoiceId: string, at: Date, card?: PaymentMethod): Promise<void> {
  const invoice = await tx.invoice.findUniqueOrThrow({ where: { id: invoiceId } });
  const chargeTo = card ?? (await cardFor(tx, invoice));
  if (chargeTo) {
    const outcome = await chargeLockedInvoice(tx, { invoice, card: chargeTo, at });
    // A card the customer just gave is tried once, out of the schedule, which it leaves as it was.
    if (outcome.paid || card) return;
  } else {
    await tx.invoice.update({ where: { id: invoice.id }, data: { attemptCount: { increment: 1 }, firstFailedAt: invoice.firstFailedAt ?? at } });
    const after = await tx.invoice.findUniqueOrThrow({ where: { id: invoice.id }, include: INVOICE_INCLUDE });
    await recordEvent(tx, { accountId: invoice.accountId, type: 'plugipay.invoice.payment_failed.v1', object: serializeInvoice(after) });
  }

  const failed = await tx.invoice.findUniqueOrThrow({ where: { id: invoice.id }, select: { attemptCount: true, firstFailedAt: true } });
  const account = await tx.account.findUniqueOrThrow({ where: { id: invoice.accountId }, select: { dunningRetryDays: true, dunningFinalAction: true } });
  const retryAt = nextRetryAt(failed.firstFailedAt!, failed.attemptCount, account.dunningRetryDays);
  await tx.invoice.update({ where: { id: invoice.id }, data: { nextPaymentAttempt: retryAt } });
  if (!invoice.subscriptionId) return;
  const ref = { accountId: invoice.accountId, subscriptionId: invoice.subscriptionId };
  if (retryAt) await moveSubscription(tx, ref, ['active'], { status: 'past_due' });
  else if (account.dunningFinalAction === 'cancel') await moveSubscription(tx, ref, ['active', 'past_due'], { status: 'canceled', canceledAt: at, endedAt: at, cancelAtPeriodEnd: false });
  else await moveSubscription(tx, ref, ['active', 'past_due'], { status: 'unpaid' });
}

/**
 * Collects one invoice at once (a change billed now), exactly as the engine would when it comes
 * due; if this process stops first, the engine collects it.
 */
export async function collectNow(accountId: string, invoiceId: string, at: Date): Promise<void> {
  await getPrisma().$transaction(
    async (tx) => {
      await lockInvoice(tx, { accountId, invoiceId });
      const due = await tx.invoice.findFirst({ where: { id: invoiceId, accountId, status: 'open', nextPaymentAttempt: { not: null } }, select: { id: true } });
      if (due) await collectInvoice(tx, invoiceId, at);
    },
    { timeout: 30_000 },
  );
}
