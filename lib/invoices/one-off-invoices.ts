import 'server-only';
import type { z } from 'zod';
import { assertMetadataFits, mergeMetadata } from '../api/api-schemas';
import { ApiError } from '../api/errors';
import { computeInvoice } from '../billing/invoice-math/compute-invoice';
import { billingTime, customerBillingTime } from '../billing-engine/billing-time';
import { takeDocumentNumber } from '../billing-engine/document-numbers';
import { payInvoice } from '../billing-engine/pay-invoice';
import { findPriceOrThrow } from '../catalog/manage-prices';
import { findCustomerOrThrow } from '../customers/manage-customers';
import type { Prisma } from '../db/generated/client';
import { getPrisma } from '../db/get-db';
import { lockCustomer, lockInvoice } from '../db/row-locks';
import { buyerSnapshot } from '../billing/buyer';
import { settleBalance } from '../billing/customer-balance';
import { dueDate } from '../billing-engine/due-date';
import { isId, newId } from '../ids/new-id';
import { checkTaxRates } from '../subscriptions/subscription-terms';
import { recordEvent } from '../webhooks/record-event';
import { INVOICE_INCLUDE, serializeInvoice } from './invoice-resource';
import { voidInvoice } from './void-invoice';
import type { ZInvoiceCreate, ZInvoiceItemCreate, ZInvoicePay } from './one-off-schemas';
import { findDefaultCard } from '../billing/default-card';

async function findInvoiceForUpdate(tx: Prisma.TransactionClient, accountId: string, id: string, param = 'id') {
  if (!isId('invoice', id)) throw new ApiError('not_found', `No such invoice: ${id}.`, param);
  await lockInvoice(tx, { accountId, invoiceId: id });
  const invoice = await tx.invoice.findFirst({ where: { id, accountId }, include: INVOICE_INCLUDE });
  if (!invoice) throw new ApiError('not_found', `No such invoice: ${id}.`, param);
  return invoice;
}

const wrongState = (status: string, action: string) => new ApiError('invalid_state', `This invoice is ${status}; ${action}.`);

/** A one-off draft: no number yet; items are added to it, then it is finalized. */
export async function createDraftInvoice(accountId: string, input: z.infer<typeof ZInvoiceCreate>, realNow = new Date()) {
  return getPrisma().$transaction(async (tx) => {
    const customer = await findCustomerOrThrow(tx, accountId, input.customer, 'customer');
    const now = await billingTime(tx, customer, realNow);
    const rates = await checkTaxRates(tx, accountId, input.defaultTaxRates ?? []);
    const invoice = await tx.invoice.create({
      data: {
        id: newId('invoice'), accountId, customerId: customer.id, status: 'draft', currency: input.currency, subtotal: 0n, total: 0n,
        collectionMethod: input.collectionMethod ?? 'charge_automatically', daysUntilDue: input.daysUntilDue ?? null,
        defaultTaxRateIds: rates.map((r) => r.id), description: input.description ?? null, metadata: assertMetadataFits(mergeMetadata({}, input.metadata)),
        issuedAt: now, createdAt: now,
      },
      include: INVOICE_INCLUDE,
    });
    await recordEvent(tx, { accountId, type: 'plugipay.invoice.created.v1', object: serializeInvoice(invoice) });
    return serializeInvoice(invoice);
  });
}

/**
 * Adds an item to a draft: the one named, else the customer's latest one-off draft in the item's
 * currency, else a new draft. The draft's amounts are computed again, by computeInvoice.
 */
export async function addInvoiceItem(accountId: string, input: z.infer<typeof ZInvoiceItemCreate>, realNow = new Date()) {
  return getPrisma().$transaction(async (tx) => {
    await lockCustomer(tx, { accountId, customerId: input.customer });
    const customer = await findCustomerOrThrow(tx, accountId, input.customer, 'customer');
    const now = await billingTime(tx, customer, realNow);
    const price = input.price ? await findPriceOrThrow(tx, accountId, input.price, 'price') : null;
    if (price && price.interval) throw new ApiError('validation_error', `price: the price ${price.id} is recurring; an invoice item takes a one-time price.`, 'price');
    if (price && !price.active) throw new ApiError('validation_error', `price: the price ${price.id} is archived.`, 'price');
    const currency = price?.currency ?? input.currency!;
    const product = price ? await tx.product.findFirstOrThrow({ where: { id: price.productId, accountId } }) : null;

    let draft = input.invoice
      ? await findInvoiceForUpdate(tx, accountId, input.invoice, 'invoice')
      : await tx.invoice.findFirst({ where: { accountId, customerId: customer.id, status: 'draft', subscriptionId: null, currency }, orderBy: { id: 'desc' }, include: INVOICE_INCLUDE });
    if (draft && draft.customerId !== customer.id) throw new ApiError('not_found', `No such invoice for this customer: ${draft.id}.`, 'invoice');
    if (draft && draft.status !== 'draft') throw wrongState(draft.status, 'items go only on a draft');
    if (draft && draft.currency !== currency) throw new ApiError('validation_error', `currency: the invoice is in ${draft.currency}; one invoice has one currency.`, 'currency');
    if (!draft) {
      draft = await tx.invoice.create({
        data: { id: newId('invoice'), accountId, customerId: customer.id, status: 'draft', currency, subtotal: 0n, total: 0n, issuedAt: now, createdAt: now },
        include: INVOICE_INCLUDE,
      });
      await recordEvent(tx, { accountId, type: 'plugipay.invoice.created.v1', object: serializeInvoice(draft) });
    }
    const rates = await checkTaxRates(tx, accountId, input.taxRates ?? draft.defaultTaxRateIds);
    const quantity = input.quantity ?? 1;
    const unitAmount = price?.unitAmount ?? BigInt(input.amount!);
    const lineId = newId('invoiceItem');
    await tx.invoiceLine.create({
      data: { id: lineId, invoiceId: draft.id, position: draft.lines.length, accountId, priceId: price?.id ?? null, description: input.description ?? product!.name, quantity, unitAmount, amount: unitAmount * BigInt(quantity) },
    });
    await tx.invoiceLineTax.createMany({ data: rates.map((r) => ({ accountId, invoiceLineId: lineId, taxRateId: r.id, taxableAmount: 0n, amount: 0n })) });
    await computeDraftAmounts(tx, draft.id);
    const line = await tx.invoiceLine.findUniqueOrThrow({ where: { id: lineId } });
    return {
      id: line.id, object: 'invoice_item' as const, customer: customer.id, invoice: draft.id, description: line.description, price: line.priceId,
      quantity: line.quantity, unitAmount: Number(line.unitAmount), amount: Number(line.amount), currency, taxRates: rates.map((r) => r.id), createdAt: now.toISOString(),
    };
  });
}

/** A draft's lines, discounts and taxes computed again from its lines and their rates. */
async function computeDraftAmounts(tx: Prisma.TransactionClient, invoiceId: string) {
  const lines = await tx.invoiceLine.findMany({ where: { invoiceId }, orderBy: { position: 'asc' }, include: { taxes: { include: { taxRate: true } } } });
  const computed = computeInvoice({ lines: lines.map((l) => ({ id: l.id, unitAmount: l.unitAmount, quantity: l.quantity, taxRates: l.taxes.map((t) => t.taxRate) })) });
  for (const line of computed.lines) {
    await tx.invoiceLine.update({ where: { id: line.id }, data: { discountAmount: line.discountAmount } });
    for (const tax of line.taxes) {
      await tx.invoiceLineTax.update({ where: { invoiceLineId_taxRateId: { invoiceLineId: line.id, taxRateId: tax.taxRate.id } }, data: { taxableAmount: tax.taxableAmount, amount: tax.amount } });
    }
  }
  await tx.invoice.update({ where: { id: invoiceId }, data: { subtotal: computed.subtotal, discount: computed.discount, tax: computed.tax, inclusiveTax: computed.inclusiveTax, total: computed.total } });
}

/**
 * Finalizes a draft: its number, its date, the buyer as they are now, its due date. A
 * charge_automatically invoice is then charged to the customer's default card (a decline leaves it
 * open); a zero total is paid at once.
 */
export async function finalizeInvoice(accountId: string, id: string, realNow = new Date()) {
  const finalized = await getPrisma().$transaction(async (tx) => {
    const draft = await findInvoiceForUpdate(tx, accountId, id);
    if (draft.status !== 'draft') throw wrongState(draft.status, 'only a draft can be finalized');
    if (draft.lines.length === 0) throw new ApiError('invalid_state', 'This draft has no items; add one (POST /api/v1/invoice-items) first.');
    const customer = await tx.customer.findFirstOrThrow({ where: { id: draft.customerId, accountId } });
    const now = await billingTime(tx, customer, realNow);
    const balance = await settleBalance(tx, { accountId, customerId: draft.customerId, currency: draft.currency }, draft.total, now);
    const paidNow = balance.amountDue === 0n;
    await tx.invoice.update({
      where: { id: draft.id },
      data: {
        startingBalance: balance.startingBalance, endingBalance: balance.endingBalance,
        number: await takeDocumentNumber(tx, accountId, 'invoice'), status: paidNow ? 'paid' : 'open', issuedAt: now, paidAt: paidNow ? now : null,
        dueAt: dueDate(draft, now),
        ...buyerSnapshot(customer),
      },
    });
    const invoice = serializeInvoice(await tx.invoice.findUniqueOrThrow({ where: { id: draft.id }, include: INVOICE_INCLUDE }));
    await recordEvent(tx, { accountId, type: 'plugipay.invoice.finalized.v1', object: invoice });
    if (paidNow) await recordEvent(tx, { accountId, type: 'plugipay.invoice.paid.v1', object: invoice });
    const card = draft.collectionMethod === 'charge_automatically' && !paidNow
      ? await findDefaultCard({ accountId, customerId: draft.customerId }, tx)
      : null;
    return { cardId: card?.id ?? null, now };
  });
  if (finalized.cardId) await payInvoice({ accountId, invoiceId: id, paymentMethodId: finalized.cardId, at: finalized.now });
  return retrieveInvoiceRow(accountId, id);
}

async function retrieveInvoiceRow(accountId: string, id: string) {
  return serializeInvoice(await getPrisma().invoice.findFirstOrThrow({ where: { id, accountId }, include: INVOICE_INCLUDE }));
}

/** Pays an open invoice now with a card of its customer (the default one unless named). A decline leaves it open. */
export async function payInvoiceNow(accountId: string, id: string, input: z.infer<typeof ZInvoicePay>, realNow = new Date()) {
  const invoice = await getPrisma().invoice.findFirst({ where: { id: isId('invoice', id) ? id : '', accountId } });
  if (!invoice) throw new ApiError('not_found', `No such invoice: ${id}.`, 'id');
  if (invoice.status !== 'open') throw wrongState(invoice.status, 'only an open invoice can be paid');
  const card = input?.paymentMethod
    ? await getPrisma().paymentMethod.findFirst({ where: { id: input.paymentMethod, accountId, customerId: invoice.customerId, detachedAt: null } })
    : await findDefaultCard({ accountId, customerId: invoice.customerId });
  if (!card) throw new ApiError(input?.paymentMethod ? 'not_found' : 'validation_error', input?.paymentMethod ? `No such payment method for this invoice's customer: ${input.paymentMethod}.` : 'paymentMethod: the customer has no default card; name one.', 'paymentMethod');
  const at = await customerBillingTime(getPrisma(), { accountId, customerId: invoice.customerId }, realNow);
  const outcome = await payInvoice({ accountId, invoiceId: invoice.id, paymentMethodId: card.id, at });
  if (!outcome.paid) throw new ApiError('validation_error', `paymentMethod: the card was declined (${outcome.code}); the invoice stays open.`, 'paymentMethod');
  return retrieveInvoiceRow(accountId, id);
}

/** Ends what an open invoice asks for: void (a mistake) or uncollectible (written off). */
export async function closeInvoice(accountId: string, id: string, to: 'void' | 'uncollectible', realNow = new Date()) {
  return getPrisma().$transaction(async (tx) => {
    const invoice = await findInvoiceForUpdate(tx, accountId, id);
    const now = await customerBillingTime(tx, { accountId, customerId: invoice.customerId }, realNow);
    const allowed = to === 'void' ? ['open', 'uncollectible'] : ['open'];
    if (!allowed.includes(invoice.status)) throw wrongState(invoice.status, to === 'void' ? 'only an open or uncollectible invoice can be voided' : 'only an open invoice can be marked uncollectible');
    if (to === 'void') return voidInvoice(tx, accountId, invoice.id, now);
    await tx.invoice.update({ where: { id: invoice.id }, data: { status: 'uncollectible' } });
    const after = serializeInvoice(await tx.invoice.findUniqueOrThrow({ where: { id: invoice.id }, include: INVOICE_INCLUDE }));
    await recordEvent(tx, { accountId, type: 'plugipay.invoice.marked_uncollectible.v1', object: after });
    return after;
  });
}
