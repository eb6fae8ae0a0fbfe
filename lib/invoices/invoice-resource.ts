import { z } from 'zod';
import { readMetadata, ZTimestamp } from '../api/api-schemas';
import { readPostalAddress, ZPostalAddressOut } from '../billing/postal-address';
import type { Prisma } from '../db/generated/client';
import { amountDue } from '../billing/amount-due';

/** What an invoice is loaded with to be shown: its lines in order, each with its taxes. */
export const INVOICE_INCLUDE = {
  lines: { orderBy: { position: 'asc' }, include: { taxes: true } },
} as const satisfies Prisma.InvoiceInclude;

export type TInvoiceRow = Prisma.InvoiceGetPayload<{ include: typeof INVOICE_INCLUDE }>;

const ZInvoiceLine = z
  .object({
    id: z.string(),
    object: z.literal('invoice_line'),
    description: z.string(),
    price: z.string().nullable(),
    quantity: z.number().int(),
    unitAmount: z.number().int(),
    amount: z.number().int(),
    discountAmount: z.number().int(),
    taxRates: z.array(z.string()),
    taxes: z.array(z.object({ taxRate: z.string(), taxableAmount: z.number().int(), amount: z.number().int() })),
    period: z.object({ start: ZTimestamp, end: ZTimestamp }).nullable(),
    proration: z.boolean(),
  })
  .meta({ id: 'InvoiceLine' });

export const ZInvoice = z
  .object({
    id: z.string(),
    object: z.literal('invoice'),
    number: z.string().nullable().meta({ description: 'From the account’s gap-free sequence when finalized; null on a draft.' }),
    status: z.enum(['draft', 'open', 'paid', 'void', 'uncollectible']),
    customer: z.string(),
    subscription: z.string().nullable(),
    collectionMethod: z.enum(['charge_automatically', 'send_invoice']),
    currency: z.string(),
    subtotal: z.number().int(),
    discount: z.number().int(),
    tax: z.number().int().meta({ description: 'Every tax, the inclusive part (already inside the prices) too.' }),
    inclusiveTax: z.number().int(),
    total: z.number().int(),
    amountPaid: z.number().int(),
    amountDue: z.number().int().meta({ description: 'What is left to pay on an open invoice: the total, less the customer’s credit it spent, less what was paid; 0 once it is closed.' }),
    startingBalance: z.number().int().meta({ description: 'The customer’s balance in this currency when the invoice was finalized; negative: a credit they held (0 on a draft).' }),
    endingBalance: z.number().int().meta({ description: 'Their balance after it: the credit it spent is gone, and a negative total (credits worth more than the charges) is added to it.' }),
    billingReason: z.enum(['subscription_create', 'subscription_cycle', 'subscription_update', 'manual']),
    attemptCount: z.number().int().meta({ description: 'Charges tried so far: the first and each retry.' }),
    nextPaymentAttempt: ZTimestamp.nullable().meta({ description: 'When the engine charges it next; null when it will not (paid, send_invoice, retries spent).' }),
    lines: z.array(ZInvoiceLine),
    periodStart: ZTimestamp.nullable(),
    periodEnd: ZTimestamp.nullable(),
    issuedAt: ZTimestamp,
    dueDate: ZTimestamp.nullable(),
    paidAt: ZTimestamp.nullable(),
    voidedAt: ZTimestamp.nullable(),
    customerDetails: z.object({
      name: z.string().nullable(),
      email: z.string().nullable(),
      address: ZPostalAddressOut.nullable(),
    }).meta({ description: 'The buyer as they were when the invoice was issued.' }),
    description: z.string().nullable(),
    metadata: z.record(z.string(), z.string()),
    createdAt: ZTimestamp,
  })
  .meta({ id: 'Invoice' });

const iso = (d: Date | null) => d?.toISOString() ?? null;

export function serializeInvoice(i: TInvoiceRow): z.infer<typeof ZInvoice> {
  const due = i.status === 'open' ? amountDue(i) : 0n;
  return {
    id: i.id,
    object: 'invoice',
    number: i.number,
    status: i.status,
    customer: i.customerId,
    subscription: i.subscriptionId,
    collectionMethod: i.collectionMethod,
    currency: i.currency,
    subtotal: Number(i.subtotal),
    discount: Number(i.discount),
    tax: Number(i.tax),
    inclusiveTax: Number(i.inclusiveTax),
    total: Number(i.total),
    amountPaid: Number(i.amountPaid),
    amountDue: Number(due),
    startingBalance: Number(i.startingBalance),
    endingBalance: Number(i.endingBalance),
    billingReason: i.billingReason,
    attemptCount: i.attemptCount,
    nextPaymentAttempt: iso(i.nextPaymentAttempt),
    lines: i.lines.map((l) => ({
      id: l.id,
      object: 'invoice_line',
      description: l.description,
      price: l.priceId,
      quantity: l.quantity,
      unitAmount: Number(l.unitAmount),
      amount: Number(l.amount),
      discountAmount: Number(l.discountAmount),
      taxRates: l.taxes.map((t) => t.taxRateId),
      taxes: l.taxes.map((t) => ({ taxRate: t.taxRateId, taxableAmount: Number(t.taxableAmount), amount: Number(t.amount) })),
      period: l.periodStart && l.periodEnd ? { start: l.periodStart.toISOString(), end: l.periodEnd.toISOString() } : null,
      proration: l.proration,
    })),
    periodStart: iso(i.periodStart),
    periodEnd: iso(i.periodEnd),
    issuedAt: i.issuedAt.toISOString(),
    dueDate: iso(i.dueAt),
    paidAt: iso(i.paidAt),
    voidedAt: iso(i.voidedAt),
    customerDetails: { name: i.customerName, email: i.customerEmail, address: readPostalAddress(i.customerAddress) },
    description: i.description,
    metadata: readMetadata(i.metadata),
    createdAt: i.createdAt.toISOString(),
  };
}
