import { z } from 'zod';
import { isId } from '../ids/new-id';
import { cardBrand, cvcLength, isExpired, normalizeCardNumber, passesLuhn } from './card-number';

// The add-card form's input. Messages are codes: the portal shows them in the customer's words.
export const ZCardInput = z
  .strictObject({
    number: z.string().max(40).transform(normalizeCardNumber),
    expMonth: z.coerce.number().int().min(1, { message: 'invalid_expiry' }).max(12, { message: 'invalid_expiry' }),
    expYear: z.coerce.number().int().min(2000, { message: 'invalid_expiry' }).max(2200, { message: 'invalid_expiry' }),
    cvc: z.string().regex(/^\d{3,4}$/, { message: 'invalid_cvc' }),
    name: z.string().trim().max(100).optional(),
    makeDefault: z.boolean().optional(),
    /** Saved to pay this open invoice of the customer's: where the customer comes back to from their bank. */
    forInvoice: z.string().refine((id) => isId('invoice', id), { message: 'invalid_field' }).optional(),
  })
  .superRefine((card, ctx) => {
    const brand = cardBrand(card.number);
    if (!passesLuhn(card.number) || !brand) ctx.addIssue({ code: 'custom', path: ['number'], message: 'invalid_number' });
    if (isExpired(card.expMonth, card.expYear)) ctx.addIssue({ code: 'custom', path: ['expMonth'], message: 'expired_card' });
    if (brand && card.cvc.length !== cvcLength(brand)) ctx.addIssue({ code: 'custom', path: ['cvc'], message: 'invalid_cvc' });
  });

export type TCardInput = z.infer<typeof ZCardInput>;
