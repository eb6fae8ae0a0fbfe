import 'server-only';
import { z } from 'zod';
import { ZCurrency, ZMetadata, assertMetadataFits, mergeMetadata, zMinorAmount } from '../api/api-schemas';
import { buyerSnapshot } from '../billing/buyer';
import { computeInvoice } from '../billing/invoice-math/compute-invoice';
import { takeDocumentNumber } from '../billing-engine/document-numbers';
import { getPrisma } from '../db/get-db';
import { newId } from '../ids/new-id';
import { INVOICE_INCLUDE, serializeInvoice } from '../invoices/invoice-resource';
import { recordEvent } from '../webhooks/record-event';
import { IMPORT_KEY, byImportId, rowOfImportId, ZImportId, type TImportOutcome } from './import-keys';

const ZPastTime = z.iso.datetime({ offset: true });
const ZDocumentNumber = z.string().trim().min(1).max(64);
const ZCardBrand = z.enum(['visa', 'mastercard', 'amex', 'discover', 'jcb', 'unionpay', 'diners']);

const ZImportedPayment = z.strictObject({
  amount: zMinorAmount({ min: 1 }),
  createdAt: ZPastTime.meta({ description: 'When the customer paid.' }),
  receiptNumber: ZDocumentNumber.optional().meta({ description: 'The receipt’s number in the other system; without it, the next of this account’s receipt numbers.' }),
  card: z.strictObject({ brand: ZCardBrand, last4: z.string().regex(/^\d{4}$/, 'must be the last four digits') }).optional().meta({ description: 'The card as the receipt names it.' }),
});

/** An invoice issued in another system, with what was paid on it there: history, never charged here. */
export const ZImportedInvoice = z
  .strictObject({
    object: z.literal('invoice'),
    id: ZImportId,
    customer: ZImportId.meta({ description: 'The import id of a customer in this file or an earlier one.' }),
    subscription: ZImportId.optional().meta({ description: 'The import id of the customer’s subscription it billed.' }),
    number: ZDocumentNumber.meta({ description: 'The number it was issued with; kept, and never given again here.' }),
    status: z.enum(['open', 'paid', 'void', 'uncollectible']),
    currency: ZCurrency,
    issuedAt: ZPastTime,
    dueAt: ZPastTime.optional(),
    paidAt: ZPastTime.optional().meta({ description: 'A paid invoice’s; defaults to its last payment’s createdAt.' }),
    periodStart: ZPastTime.optional(),
    periodEnd: ZPastTime.optional(),
    lines: z
      .array(
        z.strictObject({
          description: z.string().trim().min(1).max(500),
          unitAmount: zMinorAmount(),
          quantity: z.number().int().min(1).max(100_000).optional(),
          price: ZImportId.optional().meta({ description: 'The import id of the price it billed.' }),
          taxRates: z.array(ZImportId).max(5).optional().meta({ description: 'Import ids of tax rates in this file or an earlier one.' }),
          periodStart: ZPastTime.optional(),
          periodEnd: ZPastTime.optional(),
        }),
      )
      .min(1)
      .max(100),
    total: zMinorAmount().optional().meta({ description: 'What the invoice came to there: checked against what its lines and taxes come to here.' }),
    payments: z.array(ZImportedPayment).max(20).optional().meta({ description: 'What was paid on it, as receipts.' }),
    metadata: ZMetadata.optional(),
  })
  .superRefine((s, ctx) => {
    const issue = (path: (string | number)[], message: string) => ctx.addIssue({ code: 'custom', path, message, input: s });
    if (s.status === 'paid' && !s.paidAt && !s.payments?.length) issue(['paidAt'], 'is required for a paid invoice without payments');
    if (s.status !== 'paid' && s.paidAt) issue(['paidAt'], 'goes only with status paid');
    if (s.status === 'void' && s.payments?.length) issue(['payments'], 'a void invoice has none; refunded payments are not imported');
    if ((s.periodStart === undefined) !== (s.periodEnd === undefined)) issue(['periodEnd'], 'goes with periodStart, both or neither');
    const before = (a: string | undefined, b: string | undefined) => a !== undefined && b !== undefined && Date.parse(a) > Date.parse(b);
    if (before(s.periodStart, s.periodEnd)) issue(['periodEnd'], 'must not be before periodStart');
    if (before(s.issuedAt, s.dueAt)) issue(['dueAt'], 'must not be before issuedAt');
    if (before(s.issuedAt, s.paidAt)) issue(['paidAt'], 'must not be before issuedAt');
    s.payments?.forEach((p, i) => before(s.issuedAt, p.createdAt) && issue(['payments', i, 'createdAt'], 'must not be before the invoice’s issuedAt'));
  });

type TImportedInvoice = z.infer<typeof ZImportedInvoice>;

const failed = (reason: string): TImportOutcome => ({ outcome: 'failed', reason });

// A number of the account's own sequences (PREFIX-0001, PREFIX-R0001) would be given again later.
const ownSequence = (prefix: string, number: string) => new RegExp(`^${prefix.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}-R?\\d+$`).test(number);

/**
 * An invoice from the other system, kept as it was issued (its number, dates, buyer as the customer
 * is now) with its amounts computed by computeInvoice from its lines, and its payments as receipts.
 * Nothing is charged: an open one is owed, paid from the portal or the API, and the engine never
 * collects it on its own. One event, plugipay.invoice.created.v1, carries its final state: no
 * invoice.paid or payment.succeeded, which would read as money moving now.
 */
export async function importInvoice(accountId: string, record: TImportedInvoice, now = new Date()): Promise<TImportOutcome> {
  const prisma = getPrisma();
  const existing = await prisma.invoice.findFirst({ where: { accountId, ...byImportId(record.id) }, select: { id: true } });
  if (existing) return { outcome: 'skipped', id: existing.id };
  for (const [field, time] of [['issuedAt', record.issuedAt], ['paidAt', record.paidAt], ...(record.payments ?? []).map((p, i) => [`payments.${i}.createdAt`, p.createdAt])] as const) {
    if (time !== undefined && Date.parse(time) > now.getTime()) return failed(`${field}: must not be in the future (this is history)`);
  }
  const customer = await prisma.customer.findFirst({ where: { accountId, externalId: record.customer, deletedAt: null } });
  if (!customer) return failed(`customer: no customer with the import id ${record.customer} (import it on an earlier line)`);
  const subscription = record.subscription
    ? await prisma.subscription.findFirst({ where: { accountId, customerId: customer.id, ...byImportId(record.subscription) }, select: { id: true, currency: true } })
    : null;
  if (record.subscription && !subscription) return failed(`subscription: the customer ${record.customer} has no subscription with the import id ${record.subscription}`);
  if (subscription && subscription.currency !== record.currency) return failed(`currency: the subscription is in ${subscription.currency}; one subscription has one currency`);

  const rateIds = [...new Set(record.lines.flatMap((l) => l.taxRates ?? []))];
  const priceIds = [...new Set(record.lines.flatMap((l) => (l.price ? [l.price] : [])))];
  const [rates, prices, account] = await Promise.all([
    rateIds.length ? prisma.taxRate.findMany({ where: { accountId, OR: rateIds.map(byImportId) } }) : [],
    priceIds.length ? prisma.price.findMany({ where: { accountId, OR: priceIds.map(byImportId) }, select: { id: true, currency: true, metadata: true } }) : [],
    prisma.account.findUniqueOrThrow({ where: { id: accountId }, select: { invoicePrefix: true } }),
  ]);
  for (const [i, line] of record.lines.entries()) {
    const missingRate = line.taxRates?.find((ref) => !rowOfImportId(rates, ref));
    if (missingRate) return failed(`lines.${i}.taxRates: no tax rate with the import id ${missingRate} (import it on an earlier line)`);
    const price = line.price ? rowOfImportId(prices, line.price) : undefined;
    if (line.price && !price) return failed(`lines.${i}.price: no price with the import id ${line.price} (import it on an earlier line)`);
    if (price && price.currency !== record.currency) return failed(`lines.${i}.price: the price is in ${price.currency}; the invoice is in ${record.currency}`);
  }
  const computed = computeInvoice({ lines: record.lines.map((l) => ({ unitAmount: BigInt(l.unitAmount), quantity: l.quantity ?? 1, taxRates: (l.taxRates ?? []).map((ref) => rowOfImportId(rates, ref)!) })) });
  if (record.total !== undefined && BigInt(record.total) !== computed.total) return failed(`total: the lines and their taxes come to ${computed.total}, not ${record.total}`);
  const payments = record.payments ?? [];
  const paid = payments.reduce((sum, p) => sum + BigInt(p.amount), 0n);
  if (paid > computed.total) return failed(`payments: they come to ${paid}, more than the invoice's ${computed.total}`);
  if (record.status === 'open' && payments.length && paid === computed.total) return failed('status: the payments pay it in full; import it as paid');

  const numbers = [record.number, ...payments.flatMap((p) => (p.receiptNumber ? [p.receiptNumber] : []))];
  const own = numbers.find((n) => ownSequence(account.invoicePrefix, n));
  if (own) return failed(`number: ${own} is in this account's own sequence (${account.invoicePrefix}-…); give the number it had in the other system`);
  if (new Set(numbers).size !== numbers.length) return failed('payments: two documents in the record have the same number');
  const [taken, takenReceipt] = await Promise.all([
    prisma.invoice.findFirst({ where: { accountId, number: record.number }, select: { id: true } }),
    prisma.payment.findFirst({ where: { accountId, receiptNumber: { in: numbers.slice(1) } }, select: { receiptNumber: true } }),
  ]);
  if (taken) return failed(`number: the account already has an invoice numbered ${record.number}`);
  if (takenReceipt) return failed(`payments: the account already has a receipt numbered ${takenReceipt.receiptNumber}`);

  const invoiceId = newId('invoice', Date.parse(record.issuedAt));
  const lastPaid = payments.reduce<string | undefined>((latest, p) => (!latest || Date.parse(p.createdAt) > Date.parse(latest) ? p.createdAt : latest), undefined);
  const date = (t: string | undefined) => (t === undefined ? null : new Date(t));
  const invoice = await prisma.$transaction(async (tx) => {
    await tx.invoice.create({
      data: {
        id: invoiceId, accountId, customerId: customer.id, subscriptionId: subscription?.id ?? null, number: record.number, status: record.status,
        // Owed, to be paid by the customer: the engine collects only what it invoiced itself.
        collectionMethod: record.status === 'open' ? 'send_invoice' : 'charge_automatically', billingReason: subscription ? 'subscription_cycle' : 'manual', currency: record.currency,
        subtotal: computed.subtotal, discount: computed.discount, tax: computed.tax, inclusiveTax: computed.inclusiveTax, total: computed.total,
        amountPaid: record.status === 'paid' ? computed.total : paid,
        periodStart: date(record.periodStart), periodEnd: date(record.periodEnd), issuedAt: new Date(record.issuedAt), createdAt: new Date(record.issuedAt),
        dueAt: date(record.dueAt), paidAt: record.status === 'paid' ? new Date((record.paidAt ?? lastPaid)!) : null, voidedAt: record.status === 'void' ? now : null,
        ...buyerSnapshot(customer), metadata: assertMetadataFits(mergeMetadata({}, { ...record.metadata, [IMPORT_KEY]: record.id })),
      },
    });
    for (const [position, line] of computed.lines.entries()) {
      const given = record.lines[position]!;
      const lineId = newId('invoiceLine', Date.parse(record.issuedAt));
      await tx.invoiceLine.create({
        data: {
          id: lineId, invoiceId, position, accountId, priceId: given.price ? rowOfImportId(prices, given.price)!.id : null, description: given.description,
          quantity: line.quantity, unitAmount: line.unitAmount, amount: line.amount, discountAmount: line.discountAmount,
          periodStart: date(given.periodStart ?? record.periodStart), periodEnd: date(given.periodEnd ?? record.periodEnd),
        },
      });
      if (line.taxes.length) await tx.invoiceLineTax.createMany({ data: line.taxes.map((t) => ({ accountId, invoiceLineId: lineId, taxRateId: t.taxRate.id, taxableAmount: t.taxableAmount, amount: t.amount })) });
    }
    for (const p of payments) {
      await tx.payment.create({
        data: {
          id: newId('payment', Date.parse(p.createdAt)), accountId, customerId: customer.id, invoiceId, amount: BigInt(p.amount), currency: record.currency, status: 'succeeded',
          receiptNumber: p.receiptNumber ?? (await takeDocumentNumber(tx, accountId, 'receipt')), cardBrand: p.card?.brand ?? null, cardLast4: p.card?.last4 ?? null, createdAt: new Date(p.createdAt),
        },
      });
    }
    const created = serializeInvoice(await tx.invoice.findUniqueOrThrow({ where: { id: invoiceId }, include: INVOICE_INCLUDE }));
    await recordEvent(tx, { accountId, type: 'plugipay.invoice.created.v1', object: created });
    return created;
  });
  return { outcome: 'created', id: invoice.id };
}
