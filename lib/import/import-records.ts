import 'server-only';
import { z } from 'zod';
import { ApiError } from '../api/errors';
import { createPrice } from '../catalog/manage-prices';
import { createProduct } from '../catalog/manage-products';
import { ZPriceCreate } from '../catalog/price-schemas';
import { ZProductCreate } from '../catalog/product-schemas';
import { ZCustomerCreate } from '../customers/customer-schemas';
import { createCustomer } from '../customers/manage-customers';
import { getPrisma } from '../db/get-db';
import { validationErrorFrom } from '../api/zod-error';
import { ZMetadata } from '../api/api-schemas';
import { createSubscription } from '../subscriptions/manage-subscriptions';
import { ZSubscriptionCreate } from '../subscriptions/subscription-schemas';
import { createTaxRate } from '../catalog/manage-tax-rates';
import { ZTaxRateCreate } from '../catalog/tax-rate-schemas';
import { byImportId, rowOfImportId, withImportId, ZImportId, type TImportContext, type TImportOutcome } from './import-keys';
import { importInvoices, ZImportedInvoice } from './import-invoice';


/**
 * One line of an import file: an object as the API creates it, plus the merchant's own `id` for it.
 * A price names its product by that product's import id. The JSON Schema in docs/import.schema.json
 * is made from these (`npm run import -- --schema`).
 */
export const ZImportRecord = z.discriminatedUnion('object', [
  ZCustomerCreate.omit({ testClock: true }).extend({ object: z.literal('customer'), id: ZImportId }),
  ZProductCreate.extend({ object: z.literal('product'), id: ZImportId }),
  ZTaxRateCreate.extend({ object: z.literal('taxRate'), id: ZImportId }),
  ZPriceCreate.extend({ object: z.literal('price'), id: ZImportId, product: ZImportId.meta({ description: 'The import id of a product in this file or an earlier one.' }) }),
  z.strictObject({
    object: z.literal('subscription'),
    id: ZImportId,
    customer: ZImportId.meta({ description: 'The import id of a customer in this file or an earlier one.' }),
    items: z.array(z.strictObject({ price: ZImportId.meta({ description: 'The import id of a recurring price.' }), quantity: z.number().int().min(1).max(100_000).optional() })).min(1).max(20),
    currentPeriodStart: z.iso.datetime({ offset: true }).meta({ description: 'When the period the customer has paid for (in the other system) began.' }),
    currentPeriodEnd: z.iso.datetime({ offset: true }).meta({ description: 'When it ends: the first renewal here, charged to the customer’s default card then.' }),
    taxRates: z.array(ZImportId).max(5).optional().meta({ description: 'Import ids of tax rates in this file or an earlier one: the subscription’s default tax rates.' }),
    collectionMethod: z.enum(['charge_automatically', 'send_invoice']).optional(),
    daysUntilDue: z.number().int().min(0).max(365).optional(),
    cancelAtPeriodEnd: z.boolean().optional(),
    metadata: ZMetadata.optional(),
  }),
  ZImportedInvoice,
]);

export type TImportRecord = z.infer<typeof ZImportRecord>;
export type { TImportOutcome };

/**
 * Brings one record in through the API's own functions (so its checks, events and atomicity are the
 * API's): created, or skipped when a record with its import id is already there.
 */
export async function importRecord(accountId: string, record: TImportRecord, context: TImportContext = {}): Promise<TImportOutcome> {
  const { tx } = context;
  const prisma = tx ?? getPrisma();
  const { object, id: importId, ...input } = record;
  try {
    if (record.object === 'invoice') return (await importInvoices(accountId, [record], context))[0]!;
    if (object === 'taxRate') {
      const existing = await prisma.taxRate.findFirst({ where: { accountId, ...byImportId(importId) }, select: { id: true } });
      if (existing) return { outcome: 'skipped', id: existing.id };
      const rate = input as z.infer<typeof ZTaxRateCreate>;
      return { outcome: 'created', id: (await createTaxRate(accountId, { ...rate, metadata: withImportId(rate.metadata, importId) }, tx)).id };
    }
    if (object === 'customer') {
      const existing = await prisma.customer.findFirst({ where: { accountId, externalId: importId }, select: { id: true } });
      if (existing) return { outcome: 'skipped', id: existing.id };
      const customer = input as z.infer<typeof ZCustomerCreate>;
      return { outcome: 'created', id: (await createCustomer(accountId, { ...customer, metadata: withImportId(customer.metadata, importId) }, { externalId: importId, tx })).id };
    }
    if (object === 'product') {
      const existing = await prisma.product.findFirst({ where: { accountId, ...byImportId(importId) }, select: { id: true } });
      if (existing) return { outcome: 'skipped', id: existing.id };
      const product = input as z.infer<typeof ZProductCreate>;
      return { outcome: 'created', id: (await createProduct(accountId, { ...product, metadata: withImportId(product.metadata, importId) }, tx)).id };
    }
    if (object === 'subscription') return await importSubscription(accountId, importId, input as TSubscriptionLine, context);
    const existing = await prisma.price.findFirst({ where: { accountId, ...byImportId(importId) }, select: { id: true } });
    if (existing) return { outcome: 'skipped', id: existing.id };
    const price = input as Omit<z.infer<typeof ZPriceCreate>, 'product'> & { product: string };
    const product = await prisma.product.findFirst({ where: { accountId, ...byImportId(price.product) }, select: { id: true } });
    if (!product) return { outcome: 'failed', reason: `product: no product with the import id ${price.product} (import it on an earlier line)` };
    return { outcome: 'created', id: (await createPrice(accountId, { ...price, product: product.id, metadata: withImportId(price.metadata, importId) }, tx)).id };
  } catch (error) {
    if (error instanceof ApiError) return { outcome: 'failed', reason: error.param && !error.message.startsWith(`${error.param}:`) ? `${error.param}: ${error.message}` : error.message };
    throw error;
  }
}

type TSubscriptionLine = Omit<Extract<TImportRecord, { object: 'subscription' }>, 'object' | 'id'>;

/**
 * A subscription carried over with the period it has: no first invoice or charge here (that period
 * was paid for elsewhere); it renews at currentPeriodEnd like any other. Checked as the API's create
 * checks it.
 */
async function importSubscription(accountId: string, importId: string, line: TSubscriptionLine, { tx, now = new Date() }: TImportContext): Promise<TImportOutcome> {
  const prisma = tx ?? getPrisma();
  const customer = await prisma.customer.findFirst({ where: { accountId, externalId: line.customer, deletedAt: null }, select: { id: true } });
  if (!customer) return { outcome: 'failed', reason: `customer: no customer with the import id ${line.customer} (import it on an earlier line)` };
  // Found again among its customer's (an index away; the account's every subscription is not).
  const existing = await prisma.subscription.findFirst({ where: { accountId, customerId: customer.id, ...byImportId(importId) }, select: { id: true } });
  if (existing) return { outcome: 'skipped', id: existing.id };
  const prices = await prisma.price.findMany({ where: { accountId, OR: line.items.map((item) => byImportId(item.price)) }, select: { id: true, metadata: true } });
  const priceOf = (ref: string) => rowOfImportId(prices, ref)?.id;
  const missing = line.items.findIndex((item) => !priceOf(item.price));
  if (missing >= 0) return { outcome: 'failed', reason: `items.${missing}.price: no price with the import id ${line.items[missing]!.price} (import it on an earlier line)` };
  const rates = line.taxRates?.length ? await prisma.taxRate.findMany({ where: { accountId, OR: line.taxRates.map(byImportId) }, select: { id: true, metadata: true } }) : [];
  const rateOf = (ref: string) => rowOfImportId(rates, ref)?.id;
  const missingRate = line.taxRates?.find((ref) => !rateOf(ref));
  if (missingRate) return { outcome: 'failed', reason: `taxRates: no tax rate with the import id ${missingRate} (import it on an earlier line)` };
  const { currentPeriodStart, currentPeriodEnd, items, metadata, taxRates, ...terms } = line;
  const parsed = ZSubscriptionCreate.safeParse({
    ...terms,
    customer: customer.id,
    items: items.map((item) => ({ price: priceOf(item.price), quantity: item.quantity })),
    ...(taxRates ? { defaultTaxRates: taxRates.map((ref) => rateOf(ref)!) } : {}),
    metadata: withImportId(metadata, importId),
  });
  if (!parsed.success) throw validationErrorFrom(parsed.error);
  const created = await createSubscription(accountId, parsed.data, now, { carriedOver: { start: new Date(currentPeriodStart), end: new Date(currentPeriodEnd) }, tx });
  return { outcome: 'created', id: created.id };
}
