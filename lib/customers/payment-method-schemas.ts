import { z } from 'zod';
import { ZTimestamp, zList, zListQuery } from '../api/api-schemas';
import { refusingFields } from '../api/refused-fields';
import type { PaymentMethod } from '../db/generated/client';
import { TEST_TOKENS } from '../payments/test-tokens';

export const ZPaymentMethod = z
  .object({
    id: z.string(),
    object: z.literal('payment_method'),
    customer: z.string(),
    customerId: z.string().meta({ description: 'Deprecated: the same as `customer`, kept for the v1 events that carried it.', deprecated: true }),
    type: z.literal('card'),
    card: z.object({ brand: z.string(), last4: z.string(), expMonth: z.number().int(), expYear: z.number().int(), fingerprint: z.string() }),
    billingDetails: z.object({ name: z.string().nullable() }),
    isDefault: z.boolean(),
    detached: z.boolean(),
    createdAt: ZTimestamp,
  })
  .meta({ id: 'PaymentMethod' });

const NEVER_HERE = 'card details never go through this API: the customer gives them to the payment processor, which gives you a token to attach (docs/test-cards.md).';

export const ZPaymentMethodAttach = refusingFields(z
  .strictObject({
    token: z.enum(TEST_TOKENS).meta({ description: 'A token from the payment processor; the built-in test processor’s are listed in docs/test-cards.md.' }),
    billingDetails: z.strictObject({ name: z.string().trim().min(1).max(100).optional() }).optional(),
    makeDefault: z.boolean().optional().meta({ description: 'The customer’s first card becomes the default whatever this says.' }),
  })
  .meta({ id: 'PaymentMethodAttach' }), { number: NEVER_HERE, cvc: NEVER_HERE, card: NEVER_HERE });

export const ZPaymentMethodListQuery = zListQuery('paymentMethod', 'payment method', {});
export const ZPaymentMethodList = zList(ZPaymentMethod, 'PaymentMethodList');

/** A saved card as the API shows it and its events carry it: never more than brand, last four, expiry and fingerprint. */
export function serializePaymentMethod(pm: PaymentMethod): z.infer<typeof ZPaymentMethod> {
  return {
    id: pm.id,
    object: 'payment_method',
    customer: pm.customerId,
    customerId: pm.customerId,
    type: 'card',
    card: { brand: pm.cardBrand, last4: pm.cardLast4, expMonth: pm.expMonth, expYear: pm.expYear, fingerprint: pm.fingerprint },
    billingDetails: { name: pm.cardholderName },
    isDefault: pm.isDefault,
    detached: pm.detachedAt !== null,
    createdAt: pm.createdAt.toISOString(),
  };
}
