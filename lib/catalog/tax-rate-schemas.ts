import { z } from 'zod';
import { readMetadata, ZMetadata, ZTimestamp, zIdOf, zList, zListQuery } from '../api/api-schemas';
import { refusingFields } from '../api/refused-fields';
import { formatTaxPercentage, parseTaxPercentage } from '../billing/invoice-math/tax-percentage';
import { COUNTRY_CODES } from '../billing/country-codes';
import type { TaxRate } from '../db/generated/client';
import { ZQueryBoolean } from './product-schemas';

const ZCountry = z.string().refine((c) => COUNTRY_CODES.has(c), { message: 'must be an ISO 3166-1 alpha-2 country code in upper case, such as "DE"' });

export const ZTaxRate = z
  .object({
    id: z.string(),
    object: z.literal('tax_rate'),
    displayName: z.string(),
    description: z.string().nullable(),
    percentage: z.string().meta({ description: 'Four decimals, as stored.', example: '21.0000' }),
    inclusive: z.boolean(),
    country: z.string().nullable(),
    active: z.boolean(),
    metadata: z.record(z.string(), z.string()),
    createdAt: ZTimestamp,
  })
  .meta({ id: 'TaxRate' });

export const ZTaxRateCreate = z
  .strictObject({
    displayName: z.string().trim().min(1).max(50),
    description: z.string().trim().min(1).max(500).nullable().optional(),
    // A string, so that 7.6543 arrives exactly: no float on the way to a tax amount.
    percentage: z
      .string()
      .refine((p) => parseTaxPercentage(p) !== null, { message: 'must be a number from 0 to 100 with up to 4 decimals, as a string, such as "21" or "7.6543"' })
      .meta({ example: '21' }),
    inclusive: z.boolean(),
    country: ZCountry.nullable().optional(),
    active: z.boolean().optional(),
    metadata: ZMetadata.optional(),
  })
  .meta({ id: 'TaxRateCreate' });

const FIXED = 'cannot change: invoices already carry this rate. Archive it (active: false) and create another.';
export const ZTaxRateUpdate = refusingFields(
  z
    .strictObject({
      displayName: z.string().trim().min(1).max(50).optional(),
      description: z.string().trim().min(1).max(500).nullable().optional(),
      country: ZCountry.nullable().optional(),
      active: z.boolean().optional(),
      metadata: ZMetadata.nullable().optional(),
    })
    .meta({ id: 'TaxRateUpdate' }),
  { percentage: FIXED, inclusive: FIXED },
);

/** The tax rates a subscription, a draft or an item applies, in order. */
export const ZTaxRateIds = z.array(zIdOf('taxRate', 'tax rate')).max(5);

export const ZTaxRateListQuery = zListQuery('taxRate', 'tax rate', { active: ZQueryBoolean.optional(), inclusive: ZQueryBoolean.optional() });
export const ZTaxRateList = zList(ZTaxRate, 'TaxRateList');

export function serializeTaxRate(t: TaxRate): z.infer<typeof ZTaxRate> {
  return {
    id: t.id,
    object: 'tax_rate',
    displayName: t.displayName,
    description: t.description,
    percentage: formatTaxPercentage(t.percentage),
    inclusive: t.inclusive,
    country: t.country,
    active: t.active,
    metadata: readMetadata(t.metadata),
    createdAt: t.createdAt.toISOString(),
  };
}
