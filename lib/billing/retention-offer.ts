import 'server-only';
import { ApiError } from '../api/errors';
import { recordAudit } from '../audit/record-audit';
import { isCouponValid } from '../catalog/coupon-schemas';
import type { Coupon } from '../db/generated/client';
import { getPrisma } from '../db/get-db';
import type { TPortalFeatures } from '../portal/load-portal-features';
import { serializeSubscription, SUBSCRIPTION_INCLUDE } from '../subscriptions/subscription-resource';
import { redeemCoupon } from '../subscriptions/subscription-terms';
import { recordEvent } from '../webhooks/record-event';
import type { TActionScope, TCustomerScope } from './customer-scope';
import { findLiveSubscription } from './live-subscriptions';
import { discountAt, type TRenewableSubscription } from './renewal-charge';

/**
 * The coupon the cancel dialog offers this subscription to stay, or null: the account configures one
 * that can still be redeemed in the subscription's currency, the subscription is active and not
 * already discounted, and it has not taken the offer before (once per subscription).
 */
export async function retentionOfferFor(features: TPortalFeatures, subscription: TRenewableSubscription, now = new Date()): Promise<Coupon | null> {
  if (!features.retentionCoupon || subscription.status !== 'active' || subscription.cancelAtPeriodEnd) return null;
  if (subscription.retentionOutcome === 'accepted' || discountAt(subscription, now)) return null;
  const coupon = await getPrisma().coupon.findFirst({ where: { id: features.retentionCoupon, accountId: subscription.accountId } });
  if (!coupon || !isCouponValid(coupon, now) || (coupon.currency && coupon.currency !== subscription.currency)) return null;
  return coupon;
}

/**
 * The customer takes the offer: its coupon applies to the subscription from its next invoice, and
 * the subscription carries on instead of being cancelled. Once per subscription; a double click or
 * a retry takes it once. plugipay.subscription.updated.v1.
 */
export async function acceptRetentionOffer(scope: TActionScope, subscriptionId: string, features: TPortalFeatures, now = new Date()) {
  const subscription = await findLiveSubscription(scope, subscriptionId);
  if (!subscription) throw new ApiError('not_found', 'No such subscription.');
  const coupon = await retentionOfferFor(features, subscription, now);
  if (!coupon) throw new ApiError('invalid_state', 'There is no offer for this subscription.');
  const { accountId, customerId } = scope;
  return getPrisma().$transaction(async (tx) => {
    const discount = await redeemCoupon(tx, accountId, coupon.id, { currency: subscription.currency, now, firstInvoiceAt: subscription.currentPeriodEnd });
    const { count } = await tx.subscription.updateMany({
      where: { id: subscription.id, accountId, customerId, status: 'active', cancelAtPeriodEnd: false, couponId: subscription.couponId, OR: [{ retentionOutcome: null }, { retentionOutcome: 'declined' }] },
      data: { ...discount, retentionCouponId: coupon.id, retentionOutcome: 'accepted', retentionDecidedAt: now },
    });
    // Taken meanwhile (the count rolls the redemption back with it).
    if (count !== 1) throw new ApiError('invalid_state', 'There is no offer for this subscription.');
    const kept = await tx.subscription.findUniqueOrThrow({ where: { id: subscription.id }, include: SUBSCRIPTION_INCLUDE });
    await recordEvent(tx, { accountId, type: 'plugipay.subscription.updated.v1', object: serializeSubscription(kept) });
    await recordAudit({ ...scope, action: 'subscription.retention_offer', outcome: 'ok', metadata: { subscriptionId: kept.id, coupon: coupon.id, accepted: true } }, tx);
    return kept;
  });
}

/** What cancelling records of the offer the customer was shown and passed over. */
export async function declinedOfferTerms(scope: TCustomerScope, subscriptionId: string, features: TPortalFeatures, now = new Date()) {
  if (!features.retentionCoupon) return {};
  const subscription = await findLiveSubscription(scope, subscriptionId);
  const coupon = subscription && (await retentionOfferFor(features, subscription, now));
  return coupon ? { retentionCouponId: coupon.id, retentionOutcome: 'declined' as const, retentionDecidedAt: now } : {};
}
