import 'server-only';
import { ApiError } from '../api/errors';
import type { Invoice, PaymentMethod, Prisma } from '../db/generated/client';
import { getPrisma } from '../db/get-db';
import { lockInvoice } from '../db/row-locks';
import { newId } from '../ids/new-id';
import { INVOICE_INCLUDE, serializeInvoice } from '../invoices/invoice-resource';
import { serializePayment } from '../invoices/payment-resource';
import { getPaymentProcessor } from '../payments/get-payment-processor';
import type { TChallenge, TOnSession, TProcessorDecline } from '../payments/payment-processor';
import { recordEvent } from '../webhooks/record-event';
import { takeDocumentNumber } from './document-numbers';
import { reactivateIfSettled } from './subscription-standing';
import { amountDue } from '../billing/amount-due';

export type TPayOutcome =
  | { paid: true; paymentId: string }
  | { paid: false; paymentId: string; code: TProcessorDecline }
  // The customer is here, and their bank asks them to confirm: nothing is charged or counted yet.
  | { paid: false; paymentId?: undefined; code: 'authentication_required'; challenge: TChallenge };

/** How a charge is made: with the customer present (`onSession`), or on a challenge they passed. */
export type TChargeMode = { onSession?: TOnSession; authenticatedBy?: string };

/**
 * Charges a locked open invoice's amount due to a card and records the outcome: a payment
 * (succeeded or failed, with the card as it was and a receipt number), the invoice paid or its
 * failed attempt counted, their events, and a subscription waiting on this invoice active again.
 * The processor call carries a key made of the invoice and the attempt's number: an engine that
 * dies after the charge and before this commits retries the same attempt, and the processor answers
 * it without charging twice.
 */
export async function chargeLockedInvoice(tx: Prisma.TransactionClient, { invoice, card, at, mode = {} }: { invoice: Invoice; card: PaymentMethod; at: Date; mode?: TChargeMode }): Promise<TPayOutcome> {
  const { accountId } = invoice;
  const amount = amountDue(invoice);
  const attempt = invoice.attemptCount + 1;
  const result = await getPaymentProcessor().charge({ card: { fingerprint: card.fingerprint }, amount, currency: invoice.currency, reference: invoice.id, idempotencyKey: `${invoice.id}:attempt-${attempt}`, ...mode });
  if (result.ok === 'challenge') return { paid: false, code: 'authentication_required', challenge: result.challenge };
  const payment = await tx.payment.create({
    data: {
      id: newId('payment'),
      accountId,
      customerId: invoice.customerId,
      invoiceId: invoice.id,
      paymentMethodId: card.id,
      amount,
      currency: invoice.currency,
      status: result.ok ? 'succeeded' : 'failed',
      failureCode: result.ok ? null : result.code,
      receiptNumber: await takeDocumentNumber(tx, accountId, 'receipt'),
      cardBrand: card.cardBrand,
      cardLast4: card.cardLast4,
      createdAt: at,
    },
  });
  await recordEvent(tx, { accountId, type: result.ok ? 'plugipay.payment.succeeded.v1' : 'plugipay.payment.failed.v1', object: serializePayment(payment) });
  if (!result.ok) {
    await countFailedAttempt(tx, invoice, at);
    // The customer's bank wants to see them: the merchant can send them to the portal to confirm.
    if (result.code === 'authentication_required') await recordInvoiceEvent(tx, invoice, 'plugipay.invoice.payment_action_required.v1');
    return { paid: false, paymentId: payment.id, code: result.code };
  }
  await tx.invoice.update({ where: { id: invoice.id }, data: { status: 'paid', amountPaid: invoice.amountPaid + amount, paidAt: at, attemptCount: attempt, nextPaymentAttempt: null } });
  await recordInvoiceEvent(tx, invoice, 'plugipay.invoice.paid.v1');
  if (invoice.subscriptionId) await reactivateIfSettled(tx, { accountId, customerId: invoice.customerId, subscriptionId: invoice.subscriptionId });
  return { paid: true, paymentId: payment.id };
}

/** A failed attempt to collect an invoice (declined, or no card to charge): counted, with its event. */
export async function countFailedAttempt(tx: Prisma.TransactionClient, invoice: Invoice, at: Date): Promise<void> {
  await tx.invoice.update({ where: { id: invoice.id }, data: { attemptCount: invoice.attemptCount + 1, firstFailedAt: invoice.firstFailedAt ?? at } });
  await recordInvoiceEvent(tx, invoice, 'plugipay.invoice.payment_failed.v1');
}

async function recordInvoiceEvent(tx: Prisma.TransactionClient, invoice: Invoice, type: 'plugipay.invoice.paid.v1' | 'plugipay.invoice.payment_failed.v1' | 'plugipay.invoice.payment_action_required.v1') {
  const after = await tx.invoice.findUniqueOrThrow({ where: { id: invoice.id }, include: INVOICE_INCLUDE });
  await recordEvent(tx, { accountId: invoice.accountId, type, object: serializeInvoice(after) });
}

/**
 * Pays an open invoice now with one of its customer's cards (the API's and the portal's "Pay").
 * The invoice row stays locked while the processor answers, so two payers on any instances charge
 * it once; the second finds it paid (409 invalid_state).
 */
export async function payInvoice({ accountId, invoiceId, paymentMethodId, at = new Date(), mode, expectedAmount }: { accountId: string; invoiceId: string; paymentMethodId: string; at?: Date; mode?: TChargeMode; expectedAmount?: bigint }): Promise<TPayOutcome> {
  return getPrisma().$transaction(
    async (tx) => {
      await lockInvoice(tx, { accountId, invoiceId });
      const invoice = await tx.invoice.findFirst({ where: { id: invoiceId, accountId } });
      if (!invoice) throw new ApiError('not_found', `No such invoice: ${invoiceId}.`, 'id');
      if (invoice.status !== 'open') throw new ApiError('invalid_state', `This invoice is ${invoice.status}; only an open invoice can be paid.`);
      const card = await tx.paymentMethod.findFirst({ where: { id: paymentMethodId, accountId, customerId: invoice.customerId, detachedAt: null } });
      if (!card) throw new ApiError('not_found', `No such payment method for this invoice's customer: ${paymentMethodId}.`, 'paymentMethod');
      // A payment the customer confirmed with their bank is for the amount they confirmed, or none.
      if (expectedAmount !== undefined && amountDue(invoice) !== expectedAmount) throw new ApiError('invalid_state', 'amount_changed');
      return chargeLockedInvoice(tx, { invoice, card, at, mode });
    },
    { timeout: 30_000 },
  );
}
