import type { TProrationLine } from '../billing-engine/prorations';
import type { Coupon, Prisma, TaxRate } from '../db/generated/client';
import { applyBalance } from './amount-due';
import { computeInvoice, type TDiscountTerms } from './invoice-math/compute-invoice';

/** What a subscription must be loaded with for its renewal to be computed (RENEWABLE_SUBSCRIPTION_JSON reads the same, raw). */
export const RENEWAL_INCLUDE = {
  items: { orderBy: [{ createdAt: 'asc' }, { id: 'asc' }], include: { price: { include: { product: true } } } },
  defaultTaxRates: { orderBy: { position: 'asc' }, include: { taxRate: true } },
  coupon: true,
  // Prorations from item changes (create_prorations), billed with the next renewal.
  pendingProrations: { where: { invoiceId: null }, orderBy: [{ createdAt: 'asc' }, { id: 'asc' }] },
  // A plan change waiting for the period's end: the renewal bills it.
  scheduledPrice: { include: { product: true } },
  // The customer's credit, which "Next charge" spends as the renewal will.
  customer: { select: { balances: { select: { currency: true, balance: true } } } },
} as const satisfies Prisma.SubscriptionInclude;

export type TRenewableSubscription = Prisma.SubscriptionGetPayload<{ include: typeof RENEWAL_INCLUDE }>;

/** The coupon's terms if it still applies to an invoice made at `at` (its duration not yet over). */
export function discountAt(subscription: { coupon: Coupon | null; discountEnd: Date | null }, at: Date): TDiscountTerms | null {
  const { coupon, discountEnd } = subscription;
  if (!coupon || (discountEnd && discountEnd <= at)) return null;
  return coupon.percentOff !== null ? { percentOff: coupon.percentOff } : { amountOff: coupon.amountOff! };
}

/** A line a subscription's invoice is made of, before computeInvoice adds its discount and taxes. */
type TChargeLine = {
  description: string;
  priceId: string;
  unitAmount: bigint;
  quantity: number;
  taxRates: TaxRate[];
  /** Its own time span (a proration); null: the invoice's period. */
  period: { start: Date; end: Date } | null;
  proration: boolean;
};

function chargeOf(subscription: TRenewableSubscription, lines: TChargeLine[], at: Date) {
  return { ...computeInvoice({ lines, discount: discountAt(subscription, at) }), currency: subscription.currency, date: at };
}

/**
 * The invoice a subscription makes at `at`: each item's price × quantity (its product's name, for
 * one period) and the prorations waiting for it, its coupon while it lasts, its tax rates, computed
 * by computeInvoice. One function for the first invoice, every renewal and the portal's "Next charge".
 */
export function subscriptionCharge(subscription: TRenewableSubscription, at: Date) {
  const taxRates = subscription.defaultTaxRates.map((r) => r.taxRate);
  const items = subscription.items.map((item) => ({ description: item.price.product.name, priceId: item.priceId, unitAmount: item.price.unitAmount, quantity: item.quantity, taxRates, period: null, proration: false }));
  return chargeOf(subscription, [...items, ...prorationChargeLines(subscription, subscription.pendingProrations)], at);
}

/** Prorations as invoice lines: one each, its amount as a single unit, taxed as the subscription is. */
function prorationChargeLines(subscription: TRenewableSubscription, prorations: readonly TProrationLine[]): TChargeLine[] {
  const taxRates = subscription.defaultTaxRates.map((r) => r.taxRate);
  return prorations.map((p) => ({ description: p.description, priceId: p.priceId, unitAmount: p.amount, quantity: 1, taxRates, period: { start: p.periodStart, end: p.periodEnd }, proration: true }));
}

/** The invoice of prorations billed at once (always_invoice), with the coupon and taxes a renewal would apply. */
export function prorationCharge(subscription: TRenewableSubscription, prorations: readonly TProrationLine[], at: Date) {
  return chargeOf(subscription, prorationChargeLines(subscription, prorations), at);
}

export type TSubscriptionCharge = ReturnType<typeof subscriptionCharge>;

/**
 * What the next renewal charges, at the end of the current period, the customer's credit in its
 * currency spent as it will be (settleBalance, applyBalance). The portal shows exactly this.
 */
export function renewalCharge(subscription: TRenewableSubscription) {
  return withCredit(subscription.customer, subscriptionCharge(asRenewed(subscription), subscription.currentPeriodEnd));
}

/** A charge with the customer's credit in its currency spent on it, as settleBalance spends it when the invoice is issued. */
export function withCredit<TCharge extends { total: bigint; currency: string }>(customer: TRenewableSubscription['customer'], charge: TCharge) {
  const held = customer.balances.find((b) => b.currency === charge.currency);
  return { ...charge, ...applyBalance(charge.total, held?.balance ?? 0n) };
}

/** The subscription as it renews: a plan change scheduled for the period's end applied to its (one) item. */
export function asRenewed(subscription: TRenewableSubscription): TRenewableSubscription {
  const { scheduledPrice, scheduledQuantity, items } = subscription;
  if (!scheduledPrice || scheduledQuantity === null || !items[0]) return subscription;
  return { ...subscription, items: [{ ...items[0], priceId: scheduledPrice.id, price: scheduledPrice, quantity: scheduledQuantity }, ...items.slice(1)] };
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
