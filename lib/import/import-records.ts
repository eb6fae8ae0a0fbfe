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

/** The merchant's own id for a record: what makes a second run skip it instead of creating it twice. */
const ZImportId = z.string().trim().min(1).max(200);

/**
 * One line of an import file: an object as the API creates it, plus the merchant's own `id` for it.
 * A price names its product by that product's import id. The JSON Schema in docs/import.schema.json
 * is made from these (`npm run import -- --schema`).
 */
export const ZImportRecord = z.discriminatedUnion('object', [
  ZCustomerCreate.omit({ testClock: true }).extend({ object: z.literal('customer'), id: ZImportId }),
  ZProductCreate.extend({ object: z.literal('product'), id: ZImportId }),
  ZPriceCreate.extend({ object: z.literal('price'), id: ZImportId, product: ZImportId.meta({ description: 'The import id of a product in this file or an earlier one.' }) }),
]);

export type TImportRecord = z.infer<typeof ZImportRecord>;
export type TImportOutcome = { outcome: 'created' | 'skipped'; id: string } | { outcome: 'failed'; reason: string };

// Products and prices keep their import id in their metadata, under this key.
const IMPORT_KEY = 'importId';
const byImportId = (importId: string) => ({ metadata: { path: [IMPORT_KEY], equals: importId } });

/**
 * Brings one record in through the API's own functions (so its checks, events and atomicity are the
 * API's): created, or skipped when a record with its import id is already there.
 */
export async function importRecord(accountId: string, record: TImportRecord): Promise<TImportOutcome> {
  const prisma = getPrisma();
  const { object, id: importId, ...input } = record;
  try {
    if (object === 'customer') {
      const existing = await prisma.customer.findFirst({ where: { accountId, externalId: importId }, select: { id: true } });
      if (existing) return { outcome: 'skipped', id: existing.id };
      return { outcome: 'created', id: (await createCustomer(accountId, input as z.infer<typeof ZCustomerCreate>, { externalId: importId })).id };
    }
    if (object === 'product') {
      const existing = await prisma.product.findFirst({ where: { accountId, ...byImportId(importId) }, select: { id: true } });
      if (existing) return { outcome: 'skipped', id: existing.id };
      const product = input as z.infer<typeof ZProductCreate>;
      return { outcome: 'created', id: (await createProduct(accountId, { ...product, metadata: { ...product.metadata, [IMPORT_KEY]: importId } })).id };
    }
    const existing = await prisma.price.findFirst({ where: { accountId, ...byImportId(importId) }, select: { id: true } });
    if (existing) return { outcome: 'skipped', id: existing.id };
    const price = input as Omit<z.infer<typeof ZPriceCreate>, 'product'> & { product: string };
    const product = await prisma.product.findFirst({ where: { accountId, ...byImportId(price.product) }, select: { id: true } });
    if (!product) return { outcome: 'failed', reason: `product: no product with the import id ${price.product} (import it on an earlier line)` };
    return { outcome: 'created', id: (await createPrice(accountId, { ...price, product: product.id, metadata: { ...price.metadata, [IMPORT_KEY]: importId } })).id };
  } catch (error) {
    if (error instanceof ApiError) return { outcome: 'failed', reason: error.param && !error.message.startsWith(`${error.param}:`) ? `${error.param}: ${error.message}` : error.message };
    throw error;
  }
}
