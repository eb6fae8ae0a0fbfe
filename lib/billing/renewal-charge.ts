import type { Coupon, Prisma } from '../db/generated/client';
import { computeInvoice, type TDiscountTerms } from './invoice-math/compute-invoice';

/** What a subscription must be loaded with for its renewal to be computed. */
export const RENEWAL_INCLUDE = {
  items: { orderBy: [{ createdAt: 'asc' }, { id: 'asc' }], include: { price: { include: { product: true } } } },
  defaultTaxRates: { orderBy: { position: 'asc' }, include: { taxRate: true } },
  coupon: true,
} as const satisfies Prisma.SubscriptionInclude;

export type TRenewableSubscription = Prisma.SubscriptionGetPayload<{ include: typeof RENEWAL_INCLUDE }>;

/** The coupon's terms if it still applies to an invoice made at `at` (its duration not yet over). */
export function discountAt(subscription: { coupon: Coupon | null; discountEnd: Date | null }, at: Date): TDiscountTerms | null {
  const { coupon, discountEnd } = subscription;
  if (!coupon || (discountEnd && discountEnd <= at)) return null;
  return coupon.percentOff !== null ? { percentOff: coupon.percentOff } : { amountOff: coupon.amountOff! };
}

/**
 * The invoice a subscription makes at `at`: each item's price × quantity (its product's name, for
 * one period), its coupon while it lasts, its tax rates, computed by computeInvoice. One function
 * for the first invoice, every renewal and the portal's "Next charge".
 */
export function subscriptionCharge(subscription: TRenewableSubscription, at: Date) {
  const taxRates = subscription.defaultTaxRates.map((r) => r.taxRate);
  const invoice = computeInvoice({
    lines: subscription.items.map((item) => ({ description: item.price.product.name, priceId: item.priceId, unitAmount: item.price.unitAmount, quantity: item.quantity, taxRates })),
    discount: discountAt(subscription, at),
  });
  return { ...invoice, currency: subscription.currency, date: at };
}

/** What the next renewal charges, at the end of the current period. The portal shows exactly this. */
export function renewalCharge(subscription: TRenewableSubscription) {
  return subscriptionCharge(subscription, subscription.currentPeriodEnd);
}

export type TRenewalCharge = ReturnType<typeof renewalCharge>;

/** The plan as the portal names it: the items' products, their amount before tax and discount, the interval. */
export function planOf(subscription: TRenewableSubscription) {
  const first = subscription.items[0]?.price;
  return {
    name: subscription.items.map((item) => item.price.product.name).join(' + '),
    amount: subscription.items.reduce((sum, item) => sum + item.price.unitAmount * BigInt(item.quantity), 0n),
    currency: subscription.currency,
    interval: first?.interval ?? 'other',
  };
}
