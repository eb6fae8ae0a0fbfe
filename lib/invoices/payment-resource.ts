import { z } from 'zod';
import { ZTimestamp } from '../api/api-schemas';
import type { Payment } from '../db/generated/client';

export const ZPayment = z
  .object({
    id: z.string(),
    object: z.literal('payment'),
    customer: z.string(),
    invoice: z.string().nullable(),
    paymentMethod: z.string().nullable(),
    amount: z.number().int(),
    amountRefunded: z.number().int(),
    currency: z.string(),
    status: z.enum(['pending', 'succeeded', 'failed', 'refunded']),
    failureCode: z.string().nullable(),
    receiptNumber: z.string(),
    card: z.object({ brand: z.string(), last4: z.string() }).nullable().meta({ description: 'The card as it was when charged.' }),
    createdAt: ZTimestamp,
  })
  .meta({ id: 'Payment' });

export function serializePayment(p: Payment): z.infer<typeof ZPayment> {
  return {
    id: p.id,
    object: 'payment',
    customer: p.customerId,
    invoice: p.invoiceId,
    paymentMethod: p.paymentMethodId,
    amount: Number(p.amount),
    amountRefunded: Number(p.amountRefunded),
    currency: p.currency,
    status: p.status,
    failureCode: p.failureCode,
    receiptNumber: p.receiptNumber,
    card: p.cardBrand && p.cardLast4 ? { brand: p.cardBrand, last4: p.cardLast4 } : null,
    createdAt: p.createdAt.toISOString(),
  };
}
