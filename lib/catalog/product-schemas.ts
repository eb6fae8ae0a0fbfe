import { z } from 'zod';
import { readMetadata, ZMetadata, ZTimestamp, zIdOf, zList, zListQuery } from '../api/api-schemas';
import type { Product } from '../db/generated/client';

/** "true" or "false" in a query string. */
export const ZQueryBoolean = z.enum(['true', 'false']).transform((v) => v === 'true');

export const ZProduct = z
  .object({
    id: z.string(),
    object: z.literal('product'),
    name: z.string(),
    description: z.string().nullable(),
    active: z.boolean(),
    metadata: z.record(z.string(), z.string()),
    createdAt: ZTimestamp,
  })
  .meta({ id: 'Product' });

export const ZProductCreate = z
  .strictObject({
    name: z.string().trim().min(1).max(250),
    description: z.string().trim().min(1).max(1000).nullable().optional(),
    active: z.boolean().optional(),
    metadata: ZMetadata.optional(),
  })
  .meta({ id: 'ProductCreate' });

export const ZProductUpdate = z
  .strictObject({
    name: z.string().trim().min(1).max(250).optional(),
    description: z.string().trim().min(1).max(1000).nullable().optional(),
    active: z.boolean().optional(),
    metadata: ZMetadata.nullable().optional(),
  })
  .meta({ id: 'ProductUpdate' });

export const ZProductListQuery = zListQuery('product', 'product', { active: ZQueryBoolean.optional() });
export const ZProductList = zList(ZProduct, 'ProductList');
export const ZProductId = zIdOf('product', 'product');

export function serializeProduct(p: Product): z.infer<typeof ZProduct> {
  return { id: p.id, object: 'product', name: p.name, description: p.description, active: p.active, metadata: readMetadata(p.metadata), createdAt: p.createdAt.toISOString() };
}
