import { z } from 'zod';
import { isId } from '../ids/new-id';
import { LOCALES } from '../i18n/locales';

const LOCAL_HOSTS = new Set(['localhost', '127.0.0.1']);

/** Where "Done" sends the customer: absolute https (http for localhost only), no credentials. */
export const ZReturnUrl = z
  .string()
  .max(2048, { message: 'must be at most 2048 characters' })
  .superRefine((value, ctx) => {
    let url: URL;
    try {
      url = new URL(value);
    } catch {
      ctx.addIssue({ code: 'custom', message: 'must be an absolute https URL' });
      return;
    }
    const localHttp = url.protocol === 'http:' && LOCAL_HOSTS.has(url.hostname);
    if (url.protocol !== 'https:' && !localHttp) {
      ctx.addIssue({ code: 'custom', message: 'must be an absolute https URL (http only for localhost and 127.0.0.1)' });
    } else if (url.username || url.password) {
      ctx.addIssue({ code: 'custom', message: 'must not contain credentials' });
    }
  });

const ZFlow = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('payment_method_update') }),
  z.strictObject({
    type: z.literal('subscription_cancel'),
    subscriptionId: z.string().refine((v) => isId('subscription', v), { message: 'must be a subscription id (sub_…)' }),
  }),
]);

export const ZCreatePortalSession = z.strictObject({
  customerId: z.string().refine((v) => isId('customer', v), { message: 'must be a customer id (cus_…)' }),
  returnUrl: ZReturnUrl,
  locale: z.enum(['auto', ...LOCALES]).default('auto'),
  flow: ZFlow.optional(),
});

export type TCreatePortalSession = z.infer<typeof ZCreatePortalSession>;
