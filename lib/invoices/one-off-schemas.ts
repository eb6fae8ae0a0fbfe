import { z } from 'zod';
import { ZTaxRateIds } from '../catalog/tax-rate-schemas';
import { ZCurrency, ZMetadata, ZTimestamp, zIdOf, zMinorAmount } from '../api/api-schemas';

export const ZInvoiceCreate = z
  .strictObject({
    customer: zIdOf('customer', 'customer'),
    currency: ZCurrency,
    collectionMethod: z.enum(['charge_automatically', 'send_invoice']).optional().meta({ description: 'Defaults to charge_automatically: charged to the default card when finalized.' }),
    daysUntilDue: z.number().int().min(0).max(365).optional(),
    defaultTaxRates: ZTaxRateIds.optional(),
    description: z.string().trim().min(1).max(500).optional(),
    metadata: ZMetadata.optional(),
  })
  .superRefine((s, ctx) => {
    if ((s.collectionMethod === 'send_invoice') !== (s.daysUntilDue !== undefined)) {
      ctx.addIssue({ code: 'custom', path: ['daysUntilDue'], message: 'is required with collectionMethod send_invoice, and goes only with it', input: s });
    }
  })
  .meta({ id: 'InvoiceCreate' });

export const ZInvoiceItemCreate = z
  .strictObject({
    customer: zIdOf('customer', 'customer'),
    invoice: zIdOf('invoice', 'invoice').optional().meta({ description: 'A draft of the customer’s; without it, the customer’s latest one-off draft in the currency, or a new one.' }),
    price: zIdOf('price', 'price').optional().meta({ description: 'A one-time price; or give amount and currency.' }),
    amount: zMinorAmount({ min: 1 }).optional().meta({ description: 'The unit amount, with currency and description, when there is no price.' }),
    currency: ZCurrency.optional(),
    quantity: z.number().int().min(1).max(100_000).optional(),
    description: z.string().trim().min(1).max(500).optional(),
    taxRates: ZTaxRateIds.optional().meta({ description: 'Defaults to the draft’s defaultTaxRates.' }),
  })
  .superRefine((s, ctx) => {
    const issue = (path: string, message: string) => ctx.addIssue({ code: 'custom', path: [path], message, input: s });
    if ((s.price === undefined) === (s.amount === undefined)) issue('price', 'give price, or amount with currency, exactly one');
    else if (s.amount !== undefined && !s.currency) issue('currency', 'is required with amount');
    else if (s.amount !== undefined && !s.description) issue('description', 'is required with amount');
    else if (s.price !== undefined && s.currency) issue('currency', 'comes from the price');
  })
  .meta({ id: 'InvoiceItemCreate' });

export const ZInvoiceItem = z
  .object({
    id: z.string(),
    object: z.literal('invoice_item'),
    customer: z.string(),
    invoice: z.string(),
    description: z.string(),
    price: z.string().nullable(),
    quantity: z.number().int(),
    unitAmount: z.number().int(),
    amount: z.number().int(),
    currency: z.string(),
    taxRates: z.array(z.string()),
    createdAt: ZTimestamp,
  })
  .meta({ id: 'InvoiceItem' });

export const ZInvoicePay = z
  .strictObject({ paymentMethod: zIdOf('paymentMethod', 'payment method').optional().meta({ description: 'Defaults to the customer’s default card.' }) })
  .optional()
  .meta({ id: 'InvoicePay' });
