import 'server-only';
import type { TPortalFeatures } from '../portal/load-portal-features';
import { getPrisma } from '../db/get-db';
import type { TRenewableSubscription } from './renewal-charge';

export type TPlanPrice = { id: string; unitAmount: bigint; currency: string; interval: string; intervalCount: number; nickname: string | null };
export type TPlanOption = { product: { id: string; name: string; description: string | null }; prices: TPlanPrice[] };

/**
 * Why a subscription cannot change plan in the portal, or null when it can: it must be running
 * (active or trialing, not set to cancel, not paused) and have one item, the plan.
 */
export function planChangeRefusal(subscription: TRenewableSubscription): string | null {
  if (subscription.status !== 'active' && subscription.status !== 'trialing') return `This subscription is ${subscription.status}; only an active one can change plan.`;
  if (subscription.cancelAtPeriodEnd) return 'This subscription is set to cancel; resume it before changing plan.';
  if (subscription.items.length !== 1) return 'This subscription has several items; its plan is changed by the merchant.';
  return null;
}

/**
 * The plans the account lets this subscription switch to, in the configuration's order: each listed
 * recurring price that is still active, of an active product, in the subscription's currency (on
 * any billing period: moving to another one starts a new period). One query. To start an ended
 * subscription again (`restart`), its own price comes first.
 */
export async function planOptions(features: TPortalFeatures, subscription: TRenewableSubscription, { restart = false } = {}): Promise<TPlanOption[]> {
  const current = subscription.items[0]!.price;
  const listed = restart ? withOwnPrice(features.updateProducts, current) : features.updateProducts;
  const prices = await getPrisma().price.findMany({
    where: {
      accountId: subscription.accountId,
      id: { in: listed.flatMap((p) => p.prices) },
      active: true,
      currency: subscription.currency,
      interval: { not: null },
      product: { active: true },
    },
    include: { product: true },
  });
  return listed.flatMap((entry) => {
    const own = entry.prices.flatMap((id) => prices.filter((p) => p.id === id && p.productId === entry.product));
    if (own.length === 0) return [];
    const { product } = own[0]!;
    return [
      {
        product: { id: product.id, name: product.name, description: product.description },
        prices: own.map((p) => ({ id: p.id, unitAmount: p.unitAmount, currency: p.currency, interval: p.interval!, intervalCount: p.intervalCount, nickname: p.nickname })),
      },
    ];
  });
}

/** The offered plans with the subscription's own price first, under its product. */
function withOwnPrice(listed: TPortalFeatures['updateProducts'], own: { id: string; productId: string }): TPortalFeatures['updateProducts'] {
  const rest = listed.filter((p) => p.product !== own.productId);
  const same = listed.find((p) => p.product === own.productId);
  return [{ product: own.productId, prices: [own.id, ...(same?.prices.filter((id) => id !== own.id) ?? [])] }, ...rest];
}

export function findPlanPrice(options: readonly TPlanOption[], priceId: string): { option: TPlanOption; price: TPlanPrice } | null {
  for (const option of options) {
    const price = option.prices.find((p) => p.id === priceId);
    if (price) return { option, price };
  }
  return null;
}

/** Why a number of seats may not be chosen (`current` is always allowed), or null. */
export function seatsRefusal(features: TPortalFeatures, current: number, quantity: number): 'seats_fixed' | 'seats_out_of_range' | null {
  if (quantity === current) return null;
  const seats = features.updateQuantity;
  if (!seats.enabled) return 'seats_fixed';
  return Number.isSafeInteger(quantity) && quantity >= seats.min && quantity <= seats.max ? null : 'seats_out_of_range';
}
