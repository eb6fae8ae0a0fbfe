import 'server-only';
import { z } from 'zod';
import { zIdOf } from '../api/api-schemas';
import { ApiError } from '../api/errors';
import { addInterval } from '../billing-engine/add-interval';
import { dueDate } from '../billing-engine/due-date';
import { readPostalAddress } from '../billing/postal-address';
import { renewalCharge, RENEWAL_INCLUDE } from '../billing/renewal-charge';
import { findCustomerOrThrow } from '../customers/manage-customers';
import { getPrisma } from '../db/get-db';
import { ZInvoice } from './invoice-resource';

export const ZUpcomingInvoiceQuery = z.strictObject({
  customer: zIdOf('customer', 'customer'),
  subscription: zIdOf('subscription', 'subscription').optional().meta({ description: 'Without it, the customer’s subscription that renews first.' }),
});

export const ZUpcomingInvoice = ZInvoice.omit({ id: true, number: true, paidAt: true, voidedAt: true, createdAt: true })
  .extend({ status: z.literal('draft'), amountDue: z.number().int() })
  .meta({ id: 'UpcomingInvoice', description: 'What the next renewal will charge, computed by the very function that issues it.' });

/**
 * The invoice a subscription's next renewal will issue, as a dry run of renewalCharge: the portal's
 * "Next charge" and the engine's renewal compute exactly this.
 */
export async function upcomingInvoice(accountId: string, query: z.infer<typeof ZUpcomingInvoiceQuery>): Promise<z.infer<typeof ZUpcomingInvoice>> {
  const prisma = getPrisma();
  const customer = await findCustomerOrThrow(prisma, accountId, query.customer, 'customer');
  const subscription = await prisma.subscription.findFirst({
    where: { accountId, customerId: customer.id, status: { not: 'canceled' }, ...(query.subscription ? { id: query.subscription } : {}) },
    orderBy: [{ currentPeriodEnd: 'asc' }, { id: 'asc' }],
    include: RENEWAL_INCLUDE,
  });
  if (!subscription) {
    throw new ApiError('not_found', query.subscription ? `No such live subscription of this customer: ${query.subscription}.` : 'This customer has no live subscription, so no upcoming invoice.', query.subscription ? 'subscription' : 'customer');
  }
  if (subscription.cancelAtPeriodEnd) throw new ApiError('not_found', `This subscription ends on ${subscription.currentPeriodEnd.toISOString()}: there is no upcoming invoice.`, 'subscription');
  const charge = renewalCharge(subscription);
  const first = subscription.items[0]!.price;
  const periodStart = subscription.currentPeriodEnd;
  const periodEnd = addInterval(periodStart, first.interval!, first.intervalCount);
  const iso = periodStart.toISOString();
  return {
    object: 'invoice',
    status: 'draft',
    customer: customer.id,
    subscription: subscription.id,
    collectionMethod: subscription.collectionMethod,
    currency: subscription.currency,
    subtotal: Number(charge.subtotal),
    discount: Number(charge.discount),
    tax: Number(charge.tax),
    inclusiveTax: Number(charge.inclusiveTax),
    total: Number(charge.total),
    amountPaid: 0,
    amountDue: Number(charge.total),
    lines: charge.lines.map((line) => ({
      id: `upcoming_${line.priceId}`,
      object: 'invoice_line' as const,
      description: line.description,
      price: line.priceId,
      quantity: line.quantity,
      unitAmount: Number(line.unitAmount),
      amount: Number(line.amount),
      discountAmount: Number(line.discountAmount),
      taxRates: line.taxes.map((t) => t.taxRate.id),
      taxes: line.taxes.map((t) => ({ taxRate: t.taxRate.id, taxableAmount: Number(t.taxableAmount), amount: Number(t.amount) })),
      period: { start: iso, end: periodEnd.toISOString() },
      proration: false,
    })),
    periodStart: iso,
    periodEnd: periodEnd.toISOString(),
    issuedAt: iso,
    dueDate: dueDate(subscription, periodStart)?.toISOString() ?? null,
    customerDetails: { name: customer.name, email: customer.email, address: readPostalAddress(customer.address) },
  };
}
