import 'server-only';
import { subscriptionCharge, type TRenewableSubscription } from '../billing/renewal-charge';
import type { Customer, Prisma } from '../db/generated/client';
import { newId } from '../ids/new-id';
import { INVOICE_INCLUDE, serializeInvoice } from '../invoices/invoice-resource';
import { recordEvent } from '../webhooks/record-event';
import { takeDocumentNumber } from './document-numbers';
import { dueDate } from './due-date';
import { buyerSnapshot } from '../billing/buyer';

/**
 * Issues the invoice of one subscription period, finalized with the account's next number: lines
 * from subscriptionCharge (the computation "Next charge" shows), each line's taxes, the buyer as
 * they are now. A zero total is paid at once. Events: created and finalized (and paid).
 * Charging it is payInvoice's part, after this transaction.
 */
export async function issueSubscriptionInvoice(
  tx: Prisma.TransactionClient,
  { subscription, customer, periodStart, periodEnd, at }: { subscription: TRenewableSubscription; customer: Customer; periodStart: Date; periodEnd: Date; at: Date },
) {
  const { accountId } = subscription;
  const charge = subscriptionCharge(subscription, at);
  const invoiceId = newId('invoice');
  const paidNow = charge.total === 0n;
  await tx.invoice.create({
    data: {
      id: invoiceId,
      accountId,
      customerId: customer.id,
      subscriptionId: subscription.id,
      number: await takeDocumentNumber(tx, accountId, 'invoice'),
      status: paidNow ? 'paid' : 'open',
      collectionMethod: subscription.collectionMethod,
      currency: subscription.currency,
      subtotal: charge.subtotal,
      discount: charge.discount,
      tax: charge.tax,
      inclusiveTax: charge.inclusiveTax,
      total: charge.total,
      periodStart,
      periodEnd,
      issuedAt: at,
      dueAt: dueDate(subscription, at),
      paidAt: paidNow ? at : null,
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
      periodStart,
      periodEnd,
    })),
  });
  await tx.invoiceLineTax.createMany({
    data: charge.lines.flatMap((line, position) =>
      line.taxes.map((t) => ({ accountId, invoiceLineId: lineIds[position]!, taxRateId: t.taxRate.id, taxableAmount: t.taxableAmount, amount: t.amount })),
    ),
  });
  const invoice = await tx.invoice.findUniqueOrThrow({ where: { id: invoiceId }, include: INVOICE_INCLUDE });
  const object = serializeInvoice(invoice);
  await recordEvent(tx, { accountId, type: 'plugipay.invoice.created.v1', object });
  await recordEvent(tx, { accountId, type: 'plugipay.invoice.finalized.v1', object });
  if (paidNow) await recordEvent(tx, { accountId, type: 'plugipay.invoice.paid.v1', object });
  return invoice;
}
