import 'server-only';
import { z } from 'zod';
import { ZCurrency, ZMetadata, assertMetadataFits, mergeMetadata, zMinorAmount, type TMetadata } from '../api/api-schemas';
import { ApiError } from '../api/errors';
import { buyerSnapshot } from '../billing/buyer';
import { computeInvoice } from '../billing/invoice-math/compute-invoice';
import { takeDocumentNumber } from '../billing-engine/document-numbers';
import type { Customer, Prisma, TaxRate } from '../db/generated/client';
import { getPrisma } from '../db/get-db';
import { inTransaction } from '../db/in-transaction';
import { newId } from '../ids/new-id';
import { INVOICE_INCLUDE, serializeInvoice } from '../invoices/invoice-resource';
import { recordEvents } from '../webhooks/record-event';
import { CARD_BRANDS } from '../payments/card-number';
import { byImportId, withImportId, rowOfImportId, ZImportId, type TImportContext, type TImportOutcome } from './import-keys';

const ZTime = z.iso.datetime({ offset: true });
const ZDocumentNumber = z.string().trim().min(1).max(64);
const ZCardBrand = z.enum(CARD_BRANDS);

const ZImportedPayment = z.strictObject({
  amount: zMinorAmount({ min: 1 }),
  createdAt: ZTime.meta({ description: 'When the customer paid.' }),
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
    issuedAt: ZTime,
    dueAt: ZTime.optional(),
    paidAt: ZTime.optional().meta({ description: 'A paid invoice’s; defaults to its last payment’s createdAt.' }),
    periodStart: ZTime.optional(),
    periodEnd: ZTime.optional(),
    lines: z
      .array(
        z.strictObject({
          description: z.string().trim().min(1).max(500),
          unitAmount: zMinorAmount(),
          quantity: z.number().int().min(1).max(100_000).optional(),
          price: ZImportId.optional().meta({ description: 'The import id of the price it billed.' }),
          taxRates: z.array(ZImportId).max(5).optional().meta({ description: 'Import ids of tax rates in this file or an earlier one.' }),
          periodStart: ZTime.optional(),
          periodEnd: ZTime.optional(),
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

export type TImportedInvoice = z.infer<typeof ZImportedInvoice>;

const failed = (reason: string): TImportOutcome => ({ outcome: 'failed', reason });

// A number of the account's own sequences (PREFIX-0001, PREFIX-R0001) would be given again later.
const ownSequence = (prefix: string, number: string) => new RegExp(`^${prefix.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}-R?\\d+$`).test(number);

/**
 * Invoices from the other system, kept as they were issued (number, dates; the buyer as the customer
 * is now) with amounts computed by computeInvoice from their lines, and payments as receipts.
 * Nothing is charged: an open one is owed, paid from the portal or the API, and the engine never
 * collects it on its own. One event each, plugipay.invoice.created.v1, carries its final state: no
 * invoice.paid or payment.succeeded, which would read as money moving now. A batch is read and
 * written in a few statements (a customer's years of history at once); each record gets its own
 * outcome, and those that pass are written together.
 */
export async function importInvoices(accountId: string, records: readonly TImportedInvoice[], { now = new Date(), tx }: TImportContext = {}): Promise<TImportOutcome[]> {
  const prisma = tx ?? getPrisma();
  const refs = (pick: (r: TImportedInvoice) => (string | undefined)[]) => [...new Set(records.flatMap((r) => pick(r).filter((x): x is string => x !== undefined)))];
  const numbers = refs((r) => [r.number]);
  const receiptNumbers = refs((r) => (r.payments ?? []).map((p) => p.receiptNumber));
  const customers = await prisma.customer.findMany({ where: { accountId, externalId: { in: refs((r) => [r.customer]) }, deletedAt: null } });
  const [sameNumbers, takenReceipts, subscriptions, rates, prices, account] = await Promise.all([
    prisma.invoice.findMany({ where: { accountId, number: { in: numbers } }, select: { id: true, number: true, metadata: true } }),
    receiptNumbers.length ? prisma.payment.findMany({ where: { accountId, receiptNumber: { in: receiptNumbers } }, select: { receiptNumber: true } }) : [],
    // Among the batch's customers' subscriptions: an index away, where the account's every one is not.
    orNone(refs((r) => [r.subscription]), (ids) => prisma.subscription.findMany({ where: { accountId, customerId: { in: customers.map((c) => c.id) }, OR: ids.map(byImportId) }, select: { id: true, customerId: true, currency: true, metadata: true } })),
    orNone(refs((r) => r.lines.flatMap((l) => l.taxRates ?? [])), (ids) => prisma.taxRate.findMany({ where: { accountId, OR: ids.map(byImportId) } })),
    orNone(refs((r) => r.lines.map((l) => l.price)), (ids) => prisma.price.findMany({ where: { accountId, OR: ids.map(byImportId) }, select: { id: true, currency: true, metadata: true } })),
    prisma.account.findUniqueOrThrow({ where: { id: accountId }, select: { invoicePrefix: true } }),
  ]);
  const found = { sameNumbers, takenReceipts: new Set(takenReceipts.map((p) => p.receiptNumber)), customers, subscriptions, rates, prices, prefix: account.invoicePrefix, now };
  const inBatch = new Set<string>();
  const outcomes = records.map((record) => {
    const checked = checkInvoice(record, found);
    if ('outcome' in checked) return checked;
    const documents = [record.number, ...(record.payments ?? []).flatMap((p) => (p.receiptNumber ? [p.receiptNumber] : []))];
    const repeated = documents.find((n) => inBatch.has(n));
    if (repeated) return failed(`number: ${repeated} is given twice in the file`);
    documents.forEach((n) => inBatch.add(n));
    return checked;
  });
  const writes = outcomes.filter((o): o is TInvoiceWrite => !('outcome' in o));
  if (writes.length) await inTransaction(tx, (tx) => writeInvoices(tx, accountId, writes, now));
  return outcomes.map((o) => ('outcome' in o ? o : { outcome: 'created', id: o.invoiceId }));
}

const orNone = async <T>(ids: string[], read: (ids: string[]) => Promise<T[]>): Promise<T[]> => (ids.length ? read(ids) : []);

type TFound = {
  sameNumbers: { id: string; number: string | null; metadata: unknown }[];
  takenReceipts: Set<string>;
  customers: Customer[];
  subscriptions: { id: string; customerId: string; currency: string; metadata: unknown }[];
  rates: TaxRate[];
  prices: { id: string; currency: string; metadata: unknown }[];
  prefix: string;
  now: Date;
};

type TInvoiceWrite = { metadata: TMetadata; invoiceId: string; record: TImportedInvoice; customer: Customer; subscriptionId: string | null; computed: ReturnType<typeof computeInvoice>; priceIds: (string | null)[]; paid: bigint };

/** What one record would write, or why it is skipped or refused. */
function checkInvoice(record: TImportedInvoice, found: TFound): TInvoiceWrite | TImportOutcome {
  // Found again by its number (unique in the account, and indexed): the other system never changes it.
  const sameNumber = found.sameNumbers.find((i) => i.number === record.number);
  if (sameNumber && rowOfImportId([sameNumber], record.id)) return { outcome: 'skipped', id: sameNumber.id };
  if (sameNumber) return failed(`number: the account already has an invoice numbered ${record.number}`);
  for (const [field, time] of [['issuedAt', record.issuedAt], ['paidAt', record.paidAt], ...(record.payments ?? []).map((p, i) => [`payments.${i}.createdAt`, p.createdAt])] as const) {
    if (time !== undefined && Date.parse(time) > found.now.getTime()) return failed(`${field}: must not be in the future (this is history)`);
  }
  const customer = found.customers.find((c) => c.externalId === record.customer);
  if (!customer) return failed(`customer: no customer with the import id ${record.customer} (import it on an earlier line)`);
  const subscription = record.subscription ? rowOfImportId(found.subscriptions.filter((s) => s.customerId === customer.id), record.subscription) : undefined;
  if (record.subscription && !subscription) return failed(`subscription: the customer ${record.customer} has no subscription with the import id ${record.subscription}`);
  if (subscription && subscription.currency !== record.currency) return failed(`currency: the subscription is in ${subscription.currency}; one subscription has one currency`);
  for (const [i, line] of record.lines.entries()) {
    const missingRate = line.taxRates?.find((ref) => !rowOfImportId(found.rates, ref));
    if (missingRate) return failed(`lines.${i}.taxRates: no tax rate with the import id ${missingRate} (import it on an earlier line)`);
    const price = line.price ? rowOfImportId(found.prices, line.price) : undefined;
    if (line.price && !price) return failed(`lines.${i}.price: no price with the import id ${line.price} (import it on an earlier line)`);
    if (price && price.currency !== record.currency) return failed(`lines.${i}.price: the price is in ${price.currency}; the invoice is in ${record.currency}`);
  }
  const computed = computeInvoice({ lines: record.lines.map((l) => ({ unitAmount: BigInt(l.unitAmount), quantity: l.quantity ?? 1, taxRates: (l.taxRates ?? []).map((ref) => rowOfImportId(found.rates, ref)!) })) });
  if (record.total !== undefined && BigInt(record.total) !== computed.total) return failed(`total: the lines and their taxes come to ${computed.total}, not ${record.total}`);
  const payments = record.payments ?? [];
  const paid = payments.reduce((sum, p) => sum + BigInt(p.amount), 0n);
  if (paid > computed.total) return failed(`payments: they come to ${paid}, more than the invoice's ${computed.total}`);
  if (record.status === 'open' && payments.length && paid === computed.total) return failed('status: the payments pay it in full; import it as paid');
  const documents = [record.number, ...payments.flatMap((p) => (p.receiptNumber ? [p.receiptNumber] : []))];
  const own = documents.find((n) => ownSequence(found.prefix, n));
  if (own) return failed(`number: ${own} is in this account's own sequence (${found.prefix}-…); give the number it had in the other system`);
  if (new Set(documents).size !== documents.length) return failed('payments: two documents in the record have the same number');
  const takenReceipt = documents.slice(1).find((n) => found.takenReceipts.has(n));
  if (takenReceipt) return failed(`payments: the account already has a receipt numbered ${takenReceipt}`);
  let metadata: TMetadata;
  try {
    metadata = assertMetadataFits(mergeMetadata({}, withImportId(record.metadata, record.id)));
  } catch (error) {
    if (error instanceof ApiError) return failed(`metadata: ${error.message}`);
    throw error;
  }
  return {
    metadata,
    invoiceId: newId('invoice', Date.parse(record.issuedAt)),
    record,
    customer,
    subscriptionId: subscription?.id ?? null,
    computed,
    priceIds: record.lines.map((l) => (l.price ? rowOfImportId(found.prices, l.price)!.id : null)),
    paid,
  };
}

async function writeInvoices(tx: Prisma.TransactionClient, accountId: string, writes: TInvoiceWrite[], now: Date) {
  const date = (t: string | undefined) => (t === undefined ? null : new Date(t));
  const lines: Prisma.InvoiceLineCreateManyInput[] = [];
  const lineTaxes: Prisma.InvoiceLineTaxCreateManyInput[] = [];
  const payments: Prisma.PaymentCreateManyInput[] = [];
  const invoices = writes.map(({ metadata, invoiceId, record, customer, subscriptionId, computed, priceIds, paid }): Prisma.InvoiceCreateManyInput => {
    const issued = Date.parse(record.issuedAt);
    for (const [position, line] of computed.lines.entries()) {
      const given = record.lines[position]!;
      const lineId = newId('invoiceLine', issued);
      lines.push({
        id: lineId, invoiceId, position, accountId, priceId: priceIds[position]!, description: given.description,
        quantity: line.quantity, unitAmount: line.unitAmount, amount: line.amount, discountAmount: line.discountAmount,
        periodStart: date(given.periodStart ?? record.periodStart), periodEnd: date(given.periodEnd ?? record.periodEnd),
      });
      lineTaxes.push(...line.taxes.map((t) => ({ accountId, invoiceLineId: lineId, taxRateId: t.taxRate.id, taxableAmount: t.taxableAmount, amount: t.amount })));
    }
    for (const p of record.payments ?? []) {
      payments.push({
        id: newId('payment', Date.parse(p.createdAt)), accountId, customerId: customer.id, invoiceId, amount: BigInt(p.amount), currency: record.currency, status: 'succeeded',
        receiptNumber: p.receiptNumber ?? '', cardBrand: p.card?.brand ?? null, cardLast4: p.card?.last4 ?? null, createdAt: new Date(p.createdAt),
      });
    }
    const lastPaid = (record.payments ?? []).map((p) => Date.parse(p.createdAt)).reduce((a, b) => Math.max(a, b), 0);
    return {
      id: invoiceId, accountId, customerId: customer.id, subscriptionId, number: record.number, status: record.status,
      // Owed, to be paid by the customer: the engine collects only what it invoiced itself.
      collectionMethod: record.status === 'open' ? 'send_invoice' : 'charge_automatically', billingReason: subscriptionId ? 'subscription_cycle' : 'manual', currency: record.currency,
      subtotal: computed.subtotal, discount: computed.discount, tax: computed.tax, inclusiveTax: computed.inclusiveTax, total: computed.total,
      amountPaid: record.status === 'paid' ? computed.total : paid,
      periodStart: date(record.periodStart), periodEnd: date(record.periodEnd), issuedAt: new Date(issued), createdAt: new Date(issued),
      dueAt: date(record.dueAt), paidAt: record.status === 'paid' ? (date(record.paidAt) ?? new Date(lastPaid)) : null, voidedAt: record.status === 'void' ? now : null,
      ...buyerSnapshot(customer), metadata,
    };
  });
  // Receipts the file does not number take the account's next numbers, in order.
  for (const payment of payments) if (!payment.receiptNumber) payment.receiptNumber = await takeDocumentNumber(tx, accountId, 'receipt');
  await tx.invoice.createMany({ data: invoices });
  await tx.invoiceLine.createMany({ data: lines });
  if (lineTaxes.length) await tx.invoiceLineTax.createMany({ data: lineTaxes });
  if (payments.length) await tx.payment.createMany({ data: payments });
  const created = await tx.invoice.findMany({ where: { accountId, id: { in: invoices.map((i) => i.id!) } }, include: INVOICE_INCLUDE, orderBy: { id: 'asc' } });
  await recordEvents(tx, created.map((invoice) => ({ accountId, type: 'plugipay.invoice.created.v1' as const, object: serializeInvoice(invoice) })));
}
