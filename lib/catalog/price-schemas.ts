import { z } from 'zod';
import { orDefault, readMetadata, ZCurrency, ZMetadata, ZTimestamp, zIdOf, zList, zListQuery, zMinorAmount } from '../api/api-schemas';
import { refusingFields } from '../api/refused-fields';
import type { Price } from '../db/generated/client';
import { ZProductId, ZQueryBoolean } from './product-schemas';

const INTERVALS = ['day', 'week', 'month', 'year'] as const;
// Stripe's bound: a period of at most three years, whatever the unit.
const MAX_DAYS = { day: 1095, week: 156, month: 36, year: 3 } as const;

const ZRecurring = z
  .strictObject({
    interval: z.enum(INTERVALS),
    intervalCount: orDefault(z.number().int().min(1), 1),
  })
  .refine((r) => r.intervalCount <= MAX_DAYS[r.interval], { message: 'may be at most three years (36 months, 156 weeks, 1095 days)', path: ['intervalCount'] })
  .meta({ id: 'Recurring' });

const ZLookupKey = z.string().trim().min(1).max(200);
const ZNickname = z.string().trim().min(1).max(250);

export const ZPrice = z
  .object({
    id: z.string(),
    object: z.literal('price'),
    product: z.string(),
    currency: z.string(),
    unitAmount: z.number().int(),
    type: z.enum(['one_time', 'recurring']),
    recurring: z.object({ interval: z.enum(INTERVALS), intervalCount: z.number().int() }).nullable(),
    taxBehavior: z.enum(['exclusive', 'inclusive']),
    nickname: z.string().nullable(),
    lookupKey: z.string().nullable(),
    active: z.boolean(),
    metadata: z.record(z.string(), z.string()),
    createdAt: ZTimestamp,
  })
  .meta({ id: 'Price' });

export const ZPriceCreate = z
  .strictObject({
    product: ZProductId,
    currency: ZCurrency,
    unitAmount: zMinorAmount(),
    recurring: ZRecurring.nullable().optional(),
    taxBehavior: z.enum(['exclusive', 'inclusive']).optional(),
    nickname: ZNickname.nullable().optional(),
    lookupKey: ZLookupKey.nullable().optional(),
    /** Moves the lookup key from the price that has it to this one, as Stripe's transfer_lookup_key. */
    transferLookupKey: z.boolean().optional(),
    active: z.boolean().optional(),
    metadata: ZMetadata.optional(),
  })
  .meta({ id: 'PriceCreate' });

const FIXED = 'cannot change: a price keeps its terms for the invoices that used it. Archive it (active: false) and create another.';
export const ZPriceUpdate = refusingFields(
  z
    .strictObject({
      nickname: ZNickname.nullable().optional(),
      lookupKey: ZLookupKey.nullable().optional(),
      transferLookupKey: z.boolean().optional(),
      active: z.boolean().optional(),
      metadata: ZMetadata.nullable().optional(),
    })
    .meta({ id: 'PriceUpdate' }),
  { unitAmount: FIXED, currency: FIXED, recurring: FIXED, product: FIXED, taxBehavior: FIXED },
);

export const ZPriceListQuery = zListQuery('price', 'price', {
  product: ZProductId.optional(),
  active: ZQueryBoolean.optional(),
  currency: ZCurrency.optional(),
  type: z.enum(['one_time', 'recurring']).optional(),
  lookupKey: ZLookupKey.optional(),
});
export const ZPriceList = zList(ZPrice, 'PriceList');
export const ZPriceId = zIdOf('price', 'price');

export function serializePrice(p: Price): z.infer<typeof ZPrice> {
  return {
    id: p.id,
    object: 'price',
    product: p.productId,
    currency: p.currency,
    unitAmount: Number(p.unitAmount),
    type: p.interval ? 'recurring' : 'one_time',
    recurring: p.interval ? { interval: p.interval, intervalCount: p.intervalCount } : null,
    taxBehavior: p.taxBehavior,
    nickname: p.nickname,
    lookupKey: p.lookupKey,
    active: p.active,
    metadata: readMetadata(p.metadata),
    createdAt: p.createdAt.toISOString(),
  };
}
