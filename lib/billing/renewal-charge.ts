import type { Prisma } from '../db/generated/client';
import { computeInvoice } from './invoice-math/compute-invoice';

/** What a subscription must be loaded with for its renewal to be computed. */
export const RENEWAL_INCLUDE = {
  price: { include: { product: true } },
  defaultTaxRates: { orderBy: { position: 'asc' }, include: { taxRate: true } },
} as const satisfies Prisma.SubscriptionInclude;

export type TRenewableSubscription = Prisma.SubscriptionGetPayload<{ include: typeof RENEWAL_INCLUDE }>;

/**
 * The invoice a subscription's next renewal makes: its price × quantity, its tax rates, computed by
 * computeInvoice. The portal's "Next charge" shows exactly this, and the renewal charges it.
 */
export function renewalCharge(subscription: TRenewableSubscription) {
  const taxRates = subscription.defaultTaxRates.map((r) => r.taxRate);
  const invoice = computeInvoice({
    lines: [{ description: subscription.price.product.name, unitAmount: subscription.price.unitAmount, quantity: subscription.quantity, taxRates }],
  });
  return { ...invoice, currency: subscription.price.currency, date: subscription.currentPeriodEnd };
}

export type TRenewalCharge = ReturnType<typeof renewalCharge>;
