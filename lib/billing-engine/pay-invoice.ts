import 'server-only';
import { ApiError } from '../api/errors';
import { getPrisma } from '../db/get-db';
import { lockInvoice } from '../db/row-locks';
import { newId } from '../ids/new-id';
import { INVOICE_INCLUDE, serializeInvoice } from '../invoices/invoice-resource';
import { serializePayment } from '../invoices/payment-resource';
import { getPaymentProcessor } from '../payments/get-payment-processor';
import type { TProcessorDecline } from '../payments/payment-processor';
import { recordEvent } from '../webhooks/record-event';
import { takeDocumentNumber } from './document-numbers';

export type TPayOutcome = { paid: true; paymentId: string } | { paid: false; paymentId: string; code: TProcessorDecline };

/**
 * Charges an open invoice's amount due to one of the customer's cards and records the outcome: a
 * payment (succeeded or failed, with the card as it was and a receipt number), the invoice paid or
 * left open, and their events. The invoice row stays locked while the processor answers, so two
 * payers on any instances charge it once; the second finds it paid (409 invalid_state).
 */
export async function payInvoice({ accountId, invoiceId, paymentMethodId, at = new Date() }: { accountId: string; invoiceId: string; paymentMethodId: string; at?: Date }): Promise<TPayOutcome> {
  return getPrisma().$transaction(
    async (tx) => {
      await lockInvoice(tx, { accountId, invoiceId });
      const invoice = await tx.invoice.findFirst({ where: { id: invoiceId, accountId } });
      if (!invoice) throw new ApiError('not_found', `No such invoice: ${invoiceId}.`, 'id');
      if (invoice.status !== 'open') throw new ApiError('invalid_state', `This invoice is ${invoice.status}; only an open invoice can be paid.`);
      const card = await tx.paymentMethod.findFirst({ where: { id: paymentMethodId, accountId, customerId: invoice.customerId, detachedAt: null } });
      if (!card) throw new ApiError('not_found', `No such payment method for this invoice's customer: ${paymentMethodId}.`, 'paymentMethod');

      const amount = invoice.total - invoice.amountPaid;
      const result = await getPaymentProcessor().charge({ card: { fingerprint: card.fingerprint }, amount, currency: invoice.currency, reference: invoice.id });
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
      if (result.ok) {
        await tx.invoice.update({ where: { id: invoice.id }, data: { status: 'paid', amountPaid: invoice.total, paidAt: at } });
      }
      const after = serializeInvoice(await tx.invoice.findUniqueOrThrow({ where: { id: invoice.id }, include: INVOICE_INCLUDE }));
      await recordEvent(tx, { accountId, type: result.ok ? 'plugipay.payment.succeeded.v1' : 'plugipay.payment.failed.v1', object: serializePayment(payment) });
      await recordEvent(tx, { accountId, type: result.ok ? 'plugipay.invoice.paid.v1' : 'plugipay.invoice.payment_failed.v1', object: after });
      return result.ok ? { paid: true, paymentId: payment.id } : { paid: false, paymentId: payment.id, code: result.code };
    },
    { timeout: 30_000 },
  );
}
