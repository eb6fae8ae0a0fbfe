import { z } from 'zod';
import { readMetadata, ZTimestamp } from '../api/api-schemas';
import { serializePrice, ZPrice } from '../catalog/price-schemas';
import { RENEWAL_INCLUDE, type TRenewableSubscription } from '../billing/renewal-charge';

/** What a subscription is loaded with to be shown: what its next charge is computed from. */
export const SUBSCRIPTION_INCLUDE = RENEWAL_INCLUDE;

export type TSubscriptionRow = TRenewableSubscription;

const ZSubscriptionItem = z
  .object({ id: z.string(), object: z.literal('subscription_item'), price: ZPrice, quantity: z.number().int(), createdAt: ZTimestamp })
  .meta({ id: 'SubscriptionItem' });

export const ZSubscription = z
  .object({
    id: z.string(),
    object: z.literal('subscription'),
    customer: z.string(),
    customerId: z.string().meta({ description: 'Deprecated: the same as `customer`, kept for the v1 events that carried it.', deprecated: true }),
    status: z.enum(['trialing', 'active', 'past_due', 'unpaid', 'incomplete', 'incomplete_expired', 'paused', 'canceled']),
    currency: z.string(),
    items: z.array(ZSubscriptionItem),
    currentPeriodStart: ZTimestamp,
    currentPeriodEnd: ZTimestamp,
    billingCycleAnchor: ZTimestamp.meta({ description: 'The period boundary the others are counted from (a month-end anchor keeps renewing on month ends).' }),
    cancelAtPeriodEnd: z.boolean(),
    pauseCollection: z
      .object({ behavior: z.enum(['keep_as_draft', 'mark_uncollectible', 'void']), resumesAt: ZTimestamp.nullable() })
      .nullable()
      .meta({ description: 'While paused: what its renewals make instead of charging, and when it resumes by itself.' }),
    scheduledChange: z
      .object({ items: z.array(z.object({ price: z.string(), quantity: z.number().int() })), effectiveAt: ZTimestamp })
      .nullable()
      .meta({ description: 'A plan change the customer set for the end of the current period (a downgrade in the portal): the items its renewal bills. A PATCH of items replaces it.' }),
    canceledAt: ZTimestamp.nullable(),
    endedAt: ZTimestamp.nullable(),
    cancellationDetails: z.object({ reason: z.string().nullable(), comment: z.string().nullable() }),
    retentionOffer: z
      .object({ coupon: z.string(), outcome: z.enum(['accepted', 'declined']), decidedAt: ZTimestamp })
      .nullable()
      .meta({ description: 'The retention offer the customer met in the portal’s cancel dialog: accepted (its coupon applies instead of cancelling) or declined (they cancelled).' }),
    defaultPaymentMethod: z.string().nullable(),
    defaultTaxRates: z.array(z.string()),
    coupon: z.string().nullable(),
    discountEnd: ZTimestamp.nullable().meta({ description: 'When the coupon stops applying; null while it applies forever (or when there is none).' }),
    trialStart: ZTimestamp.nullable(),
    trialEnd: ZTimestamp.nullable(),
    collectionMethod: z.enum(['charge_automatically', 'send_invoice']),
    daysUntilDue: z.number().int().nullable(),
    metadata: z.record(z.string(), z.string()),
    createdAt: ZTimestamp,
  })
  .meta({ id: 'Subscription' });

const iso = (d: Date | null) => d?.toISOString() ?? null;

/** A subscription as the API shows it and its events carry it: its state at that moment. */
export function serializeSubscription(s: TSubscriptionRow): z.infer<typeof ZSubscription> {
  return {
    id: s.id,
    object: 'subscription',
    customer: s.customerId,
    customerId: s.customerId,
    status: s.status,
    currency: s.currency,
    items: s.items.map((item) => ({ id: item.id, object: 'subscription_item', price: serializePrice(item.price), quantity: item.quantity, createdAt: item.createdAt.toISOString() })),
    currentPeriodStart: s.currentPeriodStart.toISOString(),
    currentPeriodEnd: s.currentPeriodEnd.toISOString(),
    billingCycleAnchor: s.billingCycleAnchor.toISOString(),
    cancelAtPeriodEnd: s.cancelAtPeriodEnd,
    pauseCollection: s.pauseBehavior ? { behavior: s.pauseBehavior, resumesAt: iso(s.pauseResumesAt) } : null,
    scheduledChange: s.scheduledPriceId && s.scheduledQuantity !== null ? { items: [{ price: s.scheduledPriceId, quantity: s.scheduledQuantity }], effectiveAt: s.currentPeriodEnd.toISOString() } : null,
    canceledAt: iso(s.canceledAt),
    endedAt: iso(s.endedAt),
    cancellationDetails: { reason: s.cancellationReason, comment: s.cancellationComment },
    retentionOffer: s.retentionCouponId && s.retentionOutcome && s.retentionDecidedAt ? { coupon: s.retentionCouponId, outcome: s.retentionOutcome, decidedAt: s.retentionDecidedAt.toISOString() } : null,
    defaultPaymentMethod: s.defaultPaymentMethodId,
    defaultTaxRates: s.defaultTaxRates.map((r) => r.taxRateId),
    coupon: s.couponId,
    discountEnd: iso(s.discountEnd),
    trialStart: iso(s.trialStart),
    trialEnd: iso(s.trialEnd),
    collectionMethod: s.collectionMethod,
    daysUntilDue: s.daysUntilDue,
    metadata: readMetadata(s.metadata),
    createdAt: s.createdAt.toISOString(),
  };
}
