import 'server-only';
import { z } from 'zod';
import { zIdOf } from '../api/api-schemas';
import { ApiError } from '../api/errors';
import { nextPeriodEnd } from '../billing-engine/period-end';
import { dueDate } from '../billing-engine/due-date';
import { readPostalAddress } from '../billing/postal-address';
import { renewalCharge, RENEWAL_INCLUDE, type TRenewableSubscription } from '../billing/renewal-charge';
import { billingTime } from '../billing-engine/billing-time';
import { dryRun } from '../db/dry-run';
import { changeItems, keepForNextInvoice } from '../subscriptions/manage-subscriptions';
import { prorationInstant } from '../subscriptions/proration-date';
import { ZItemChanges } from '../subscriptions/subscription-schemas';
import { findCustomerOrThrow } from '../customers/manage-customers';
import { getPrisma } from '../db/get-db';
import { LIVE_STATUSES } from '../billing-engine/subscription-standing';
import { ZInvoice } from './invoice-resource';

// Proposed items travel in the query as JSON, the same array a PATCH of the subscription takes.
const ZProposedItems = z
  .string()
  .transform((text, ctx) => {
    try {
      return JSON.parse(text) as unknown;
    } catch {
      ctx.addIssue({ code: 'custom', message: 'must be a JSON array of item changes, as PATCH /api/v1/subscriptions/{id} takes them' });
      return z.NEVER;
    }
  })
  .pipe(ZItemChanges);

export const ZUpcomingInvoiceQuery = z.strictObject({
  customer: zIdOf('customer', 'customer'),
  subscription: zIdOf('subscription', 'subscription').optional().meta({ description: 'Without it, the customer’s subscription that renews first.' }),
  items: ZProposedItems.optional().meta({ description: 'Proposed item changes, as JSON (`[{"id":"si_…","price":"price_…"}]`): the preview then bills them as create_prorations would, without changing anything.' }),
  prorationDate: z.coerce.number().int().optional().meta({ description: 'Unix seconds within the current period: when the proposed change would take effect (default: now).' }),
});

export const ZUpcomingInvoice = ZInvoice.omit({ id: true, number: true, paidAt: true, voidedAt: true, createdAt: true, billingReason: true, attemptCount: true, nextPaymentAttempt: true })
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
    where: { accountId, customerId: customer.id, status: { in: LIVE_STATUSES }, ...(query.subscription ? { id: query.subscription } : {}) },
    orderBy: [{ currentPeriodEnd: 'asc' }, { id: 'asc' }],
    include: RENEWAL_INCLUDE,
  });
  if (!subscription) {
    throw new ApiError('not_found', query.subscription ? `No such live subscription of this customer: ${query.subscription}.` : 'This customer has no live subscription, so no upcoming invoice.', query.subscription ? 'subscription' : 'customer');
  }
  if (subscription.cancelAtPeriodEnd) throw new ApiError('not_found', `This subscription ends on ${subscription.currentPeriodEnd.toISOString()}: there is no upcoming invoice.`, 'subscription');
  const charge = renewalCharge(query.items ? await withProposedItems(subscription, customer, query.items, query.prorationDate) : subscription);
  const first = subscription.items[0]!.price;
  const periodStart = subscription.currentPeriodEnd;
  const periodEnd = nextPeriodEnd(subscription.billingCycleAnchor, first.interval!, first.intervalCount, periodStart);
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
    amountDue: Number(charge.amountDue),
    startingBalance: Number(charge.startingBalance),
    endingBalance: Number(charge.endingBalance),
    lines: charge.lines.map((line, n) => ({
      id: `upcoming_${n}`,
      object: 'invoice_line' as const,
      description: line.description,
      price: line.priceId,
      quantity: line.quantity,
      unitAmount: Number(line.unitAmount),
      amount: Number(line.amount),
      discountAmount: Number(line.discountAmount),
      taxRates: line.taxes.map((t) => t.taxRate.id),
      taxes: line.taxes.map((t) => ({ taxRate: t.taxRate.id, taxableAmount: Number(t.taxableAmount), amount: Number(t.amount) })),
      period: line.period ? { start: line.period.start.toISOString(), end: line.period.end.toISOString() } : { start: iso, end: periodEnd.toISOString() },
      proration: line.proration,
    })),
    periodStart: iso,
    periodEnd: periodEnd.toISOString(),
    issuedAt: iso,
    dueDate: dueDate(subscription, periodStart)?.toISOString() ?? null,
    customerDetails: { name: customer.name, email: customer.email, address: readPostalAddress(customer.address) },
    description: null,
    metadata: {},
  };
}

/**
 * The subscription as it would be after the proposed item changes, prorations waiting included:
 * the change itself run in a transaction that is rolled back, so the preview is what it would bill.
 */
async function withProposedItems(
  subscription: TRenewableSubscription,
  customer: { accountId: string; testClockId: string | null },
  items: z.infer<typeof ZItemChanges>,
  prorationDate: number | undefined,
): Promise<TRenewableSubscription> {
  const at = prorationDate === undefined ? await billingTime(getPrisma(), customer, new Date()) : prorationInstant(prorationDate, subscription.currentPeriodStart);
  if (!at || at < subscription.currentPeriodStart || at >= subscription.currentPeriodEnd) {
    throw new ApiError('validation_error', `prorationDate: must fall within the current period, ${subscription.currentPeriodStart.toISOString()} to ${subscription.currentPeriodEnd.toISOString()}.`, 'prorationDate');
  }
  return dryRun(async (tx) => {
    const { prorations, newPeriod } = await changeItems(tx, subscription, items, 'create_prorations', at);
    if (newPeriod) {
      throw new ApiError('validation_error', 'items: these prices renew on another billing period; such a change is invoiced at once when made, not with the next renewal.', 'items');
    }
    await keepForNextInvoice(tx, subscription, prorations, at);
    return tx.subscription.findUniqueOrThrow({ where: { id: subscription.id }, include: RENEWAL_INCLUDE });
  });
}
