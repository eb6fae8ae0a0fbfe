import { z } from 'zod';
import { orDefault } from '../api/api-schemas';
import { ZOutboundUrl } from '../api/z-outbound-url';
import { isId } from '../ids/new-id';
import { LOCALES } from '../i18n/locales';

// Where the flow ends: back at returnUrl (redirect, the default), on a hosted confirmation, or in the full portal.
const afterCompletion = { afterCompletion: z.strictObject({ type: z.enum(['redirect', 'hosted_confirmation', 'portal_homepage']) }).optional() };

const zSubscriptionId = z.string().refine((v) => isId('subscription', v), { message: 'must be a subscription id (sub_…)' });

const ZFlow = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('payment_method_update'), ...afterCompletion }),
  z.strictObject({
    type: z.literal('subscription_cancel'),
    ...afterCompletion,
    subscriptionId: zSubscriptionId,
  }),
  z.strictObject({
    type: z.literal('invoice_payment'),
    ...afterCompletion,
    invoiceId: z.string().refine((v) => isId('invoice', v), { message: 'must be an invoice id (inv_…)' }),
  }),
  z.strictObject({
    type: z.literal('subscription_update'),
    ...afterCompletion,
    subscriptionId: zSubscriptionId,
  }),
  z.strictObject({
    type: z.literal('subscription_update_confirm'),
    ...afterCompletion,
    subscriptionId: zSubscriptionId,
    items: z
      .array(z.strictObject({ price: z.string().refine((v) => isId('price', v), { message: 'must be a price id (price_…)' }), quantity: z.number().int().min(1).max(100_000).optional() }))
      .length(1, { message: 'the portal confirms a change of the plan, one item' }),
  }),
]);

export const ZCreatePortalSession = z.strictObject({
  customerId: z.string().refine((v) => isId('customer', v), { message: 'must be a customer id (cus_…)' }),
  // Where "Done" sends the customer.
  returnUrl: ZOutboundUrl,
  locale: orDefault(z.enum(['auto', ...LOCALES]), 'auto'),
  flow: ZFlow.optional(),
});

export type TCreatePortalSession = z.infer<typeof ZCreatePortalSession>;
