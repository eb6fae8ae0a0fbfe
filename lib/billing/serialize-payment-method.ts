import type { PaymentMethod } from '../db/generated/client';

/** A saved card as events carry it: never more than brand, last four, expiry and fingerprint. */
export function serializePaymentMethod(pm: PaymentMethod) {
  return {
    id: pm.id,
    object: 'payment_method' as const,
    customerId: pm.customerId,
    type: 'card' as const,
    card: { brand: pm.cardBrand, last4: pm.cardLast4, expMonth: pm.expMonth, expYear: pm.expYear, fingerprint: pm.fingerprint },
    isDefault: pm.isDefault,
    detached: pm.detachedAt !== null,
    createdAt: pm.createdAt.toISOString(),
  };
}
