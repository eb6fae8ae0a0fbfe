import 'server-only';
import { ApiError } from '../api/errors';
import { addInterval } from '../billing-engine/add-interval';
import { findCouponOrThrow } from '../catalog/manage-coupons';
import { findPriceOrThrow } from '../catalog/manage-prices';
import { findTaxRateOrThrow } from '../catalog/manage-tax-rates';
import { isCouponValid } from '../catalog/coupon-schemas';
import type { Coupon, Prisma } from '../db/generated/client';

// The checks a subscription's terms pass before anything is written, each refusal naming its field.

const invalid = (param: string, message: string) => new ApiError('validation_error', `${param}: ${message}`, param);

/**
 * The items' prices: recurring, all in one currency and on one interval, each once, and active
 * unless the subscription already has them (an archived price stays on the subscriptions that hold it).
 */
export async function checkItemPrices(tx: Prisma.TransactionClient, accountId: string, items: { price: string; param: string }[], { currency, existing = new Set() }: { currency?: string; existing?: ReadonlySet<string> } = {}) {
  const prices = [];
  const seen = new Set<string>();
  for (const { price: priceId, param } of items) {
    const price = await findPriceOrThrow(tx, accountId, priceId, param);
    if (!price.active && !existing.has(price.id)) throw invalid(param, `the price ${price.id} is archived; subscribe to an active one.`);
    if (!price.interval) throw invalid(param, `the price ${price.id} is one-time; a subscription needs recurring prices.`);
    if (seen.has(price.id)) throw invalid(param, `the price ${price.id} is there twice; give it once with a quantity.`);
    seen.add(price.id);
    const first = prices[0];
    const expected = currency ?? first?.currency;
    if (expected && price.currency !== expected) throw invalid(param, `the price is in ${price.currency} but the subscription is in ${expected}; one subscription has one currency.`);
    if (first && (price.interval !== first.interval || price.intervalCount !== first.intervalCount)) {
      throw invalid(param, `the price renews every ${price.intervalCount} ${price.interval} but the others every ${first.intervalCount} ${first.interval}; one subscription has one billing period.`);
    }
    prices.push(price);
  }
  return prices;
}

export async function checkTaxRates(tx: Prisma.TransactionClient, accountId: string, ids: string[]) {
  const rates = [];
  for (const [n, id] of ids.entries()) {
    const rate = await findTaxRateOrThrow(tx, accountId, id, `defaultTaxRates.${n}`);
    if (!rate.active) throw invalid(`defaultTaxRates.${n}`, `the tax rate ${rate.id} is archived.`);
    rates.push(rate);
  }
  return rates;
}

/**
 * Applies a coupon to a subscription in `currency`: it must be valid now and, for an amount off, in
 * that currency; it is redeemed once (a conditional update, so maxRedemptions holds under races).
 * Returns when its discount ends: after the first invoice (once), some months on, or never.
 */
export async function redeemCoupon(tx: Prisma.TransactionClient, accountId: string, couponId: string, { currency, now, firstInvoiceAt }: { currency: string; now: Date; firstInvoiceAt: Date }) {
  const coupon: Coupon = await findCouponOrThrow(tx, accountId, couponId, 'coupon');
  if (!isCouponValid(coupon, now)) throw invalid('coupon', `the coupon ${coupon.id} can no longer be redeemed (past its redeemBy date or its maxRedemptions).`);
  if (coupon.currency && coupon.currency !== currency) throw invalid('coupon', `the coupon takes ${coupon.currency} off but the subscription is in ${currency}.`);
  const { count } = await tx.coupon.updateMany({
    where: { id: coupon.id, accountId, deletedAt: null, OR: [{ maxRedemptions: null }, { timesRedeemed: { lt: coupon.maxRedemptions ?? 0 } }] },
    data: { timesRedeemed: { increment: 1 } },
  });
  if (count !== 1) throw invalid('coupon', `the coupon ${coupon.id} has just reached its maxRedemptions.`);
  const discountEnd =
    coupon.duration === 'forever' ? null : coupon.duration === 'once' ? new Date(firstInvoiceAt.getTime() + 1) : addInterval(now, 'month', coupon.durationInMonths!);
  return { couponId: coupon.id, discountEnd };
}
