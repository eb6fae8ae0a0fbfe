import { z } from 'zod';
import { isId, ID_PREFIXES, type TIdKind } from '../ids/new-id';
import { currencyExponent } from '../money/currency-exponent';
import { ApiError } from './errors';

// Building blocks every billing object's schema shares (../shared/CONTRACT.md, "Billing objects").

const ISO_CURRENCIES: ReadonlySet<string> = new Set(Intl.supportedValuesOf('currency'));

/** An ISO 4217 code in upper case, as the API takes and answers it. */
export const ZCurrency = z
  .string()
  .refine((c) => ISO_CURRENCIES.has(c) && c === c.toUpperCase(), { message: 'must be an ISO 4217 currency code in upper case, such as "EUR"' })
  .meta({ description: 'ISO 4217 currency code, upper case.', example: 'EUR' });

/** The most any single amount may be: 12 digits of minor units, exact in a JSON number. */
export const MAX_AMOUNT = 999_999_999_999;

/** An amount in the currency's minor unit (cents; whole yen and rupiah; fils in thousandths). */
export const zMinorAmount = ({ min = 0 }: { min?: number } = {}) =>
  z.number().int({ message: 'must be an integer number of minor units' }).min(min).max(MAX_AMOUNT).meta({ description: 'Amount in the minor unit of the currency (cents for EUR; whole units for JPY and IDR).' });

/** The number of decimals in a currency's minor unit, for messages that explain an amount. */
export function minorUnitDigits(currency: string): number {
  return currencyExponent(currency);
}

export const zIdOf = (kind: TIdKind, name: string) =>
  z
    .string()
    .refine((v) => isId(kind, v), { message: `must be a ${name} id (${ID_PREFIXES[kind]}_…)` })
    .meta({ description: `A ${name} id.`, example: `${ID_PREFIXES[kind]}_01JD8X3YQ9T5W7V2K4M6N8P0R2` });

const METADATA_KEYS = 50;

/**
 * A string map for the merchant's own references, as Stripe's: at most 50 keys of up to 40
 * characters, values up to 500. On update, keys merge in and an empty value removes its key.
 */
export const ZMetadata = z
  .record(z.string().min(1).max(40), z.string().max(500))
  .refine((m) => Object.keys(m).length <= METADATA_KEYS, { message: `may hold at most ${METADATA_KEYS} keys` })
  .meta({ id: 'Metadata', description: 'Up to 50 keys (1–40 characters) with string values (up to 500 characters).' });

export type TMetadata = Record<string, string>;

/** The metadata after an update: keys merged in, empty values removing theirs; null clears it all. */
export function mergeMetadata(stored: unknown, patch: TMetadata | null | undefined): TMetadata {
  if (patch === null) return {};
  const merged: TMetadata = { ...readMetadata(stored) };
  for (const [key, value] of Object.entries(patch ?? {})) {
    if (value === '') delete merged[key];
    else merged[key] = value;
  }
  return merged;
}

export function readMetadata(value: unknown): TMetadata {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return {};
  return Object.fromEntries(Object.entries(value).filter((e): e is [string, string] => typeof e[1] === 'string'));
}

/** After merging, the map must still hold at most 50 keys. */
export function assertMetadataFits(metadata: TMetadata): TMetadata {
  if (Object.keys(metadata).length > METADATA_KEYS) throw new ApiError('validation_error', `metadata: may hold at most ${METADATA_KEYS} keys`, 'metadata');
  return metadata;
}

export const ZTimestamp = z.iso.datetime().meta({ description: 'ISO 8601 time in UTC.', example: '2026-11-28T09:30:00.000Z' });

/** The answer to a DELETE, as Stripe's. */
export const zDeleted = <O extends string>(object: O) => z.object({ id: z.string(), object: z.literal(object), deleted: z.literal(true) });

/**
 * A request field that may be left out for `value`. Not zod's default(): the document would carry
 * `default`, and openapi-typescript then types the field as required in what a client sends.
 */
export function orDefault<T extends z.ZodType>(schema: T, value: z.output<T>) {
  return schema.meta({ description: `Defaults to ${JSON.stringify(value)}.` }).optional().transform((v) => v ?? value);
}

/** A page of a list: newest first. */
export const zList = <T extends z.ZodType>(item: T, id: string) =>
  z.object({ object: z.literal('list'), data: z.array(item), hasMore: z.boolean() }).meta({ id });

/**
 * A list's query: `limit` (1–100, default 10), one cursor (`startingAfter` for the next page of
 * older objects, `endingBefore` for the newer ones before it), and the list's own filters.
 */
export function zListQuery<S extends z.ZodRawShape>(kind: TIdKind, name: string, filters: S) {
  return z
    .strictObject({
      limit: zLimit(10),
      startingAfter: zIdOf(kind, name).optional(),
      endingBefore: zIdOf(kind, name).optional(),
      ...filters,
    })
    .refine((q) => !((q as TListQuery).startingAfter && (q as TListQuery).endingBefore), { message: 'give startingAfter or endingBefore, not both', path: ['endingBefore'] });
}

/** A list's page size, 1 to 100. */
export const zLimit = (fallback: number) => orDefault(z.coerce.number().int().min(1).max(100), fallback);

export type TListQuery = { limit: number; startingAfter?: string; endingBefore?: string };
