import { z } from 'zod';
import { isId } from '../ids/new-id';

export const ZSubscriptionRef = z.strictObject({ subscriptionId: z.string().refine((v) => isId('subscription', v), { message: 'must be a subscription id' }) });

export const ZCancelInput = z.strictObject({
  subscriptionId: z.string().refine((v) => isId('subscription', v), { message: 'must be a subscription id' }),
  reason: z.string().max(64).optional(),
  comment: z.string().max(1000).optional(),
});

export const ZPaymentMethodParams = z.object({ id: z.string().refine((v) => isId('paymentMethod', v)) });

export const ZPayInvoiceInput = z.strictObject({ paymentMethodId: z.string().refine((v) => isId('paymentMethod', v), { message: 'must be a payment method id' }).optional() }).optional();

export const ZPauseInput = z.strictObject({
  subscriptionId: z.string().refine((v) => isId('subscription', v), { message: 'must be a subscription id' }),
  periods: z.number().int().min(1).max(12),
});

export const ZChangePlanInput = z.strictObject({
  subscriptionId: z.string().refine((v) => isId('subscription', v), { message: 'must be a subscription id' }),
  price: z.string().refine((v) => isId('price', v), { message: 'must be a price id' }),
  quantity: z.number().int().min(1).max(100_000).optional(),
  prorationDate: z.number().int().min(0),
});

export const ZResubscribeInput = z.strictObject({
  subscriptionId: z.string().refine((v) => isId('subscription', v), { message: 'must be a subscription id' }),
  price: z.string().refine((v) => isId('price', v), { message: 'must be a price id' }),
  quantity: z.number().int().min(1).max(100_000).optional(),
});
