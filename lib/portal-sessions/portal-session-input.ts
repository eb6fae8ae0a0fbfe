import { z } from 'zod';
import { orDefault } from '../api/api-schemas';
import { ZOutboundUrl } from '../api/z-outbound-url';
import { isId } from '../ids/new-id';
import { LOCALES } from '../i18n/locales';

const ZFlow = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('payment_method_update') }),
  z.strictObject({
    type: z.literal('subscription_cancel'),
    subscriptionId: z.string().refine((v) => isId('subscription', v), { message: 'must be a subscription id (sub_…)' }),
  }),
  z.strictObject({
    type: z.literal('invoice_payment'),
    invoiceId: z.string().refine((v) => isId('invoice', v), { message: 'must be an invoice id (inv_…)' }),
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
