import { z } from 'zod';
import { COUNTRY_CODES } from './country-codes';

const line = (max: number) => z.string().trim().min(1).max(max).nullable().optional();

/** A billing address as the API takes it: every part optional but the country (ISO 3166-1 alpha-2). */
export const ZPostalAddress = z.strictObject({
  line1: line(200),
  line2: line(200),
  city: line(100),
  state: line(100),
  postalCode: line(20),
  country: z
    .string()
    .refine((c) => COUNTRY_CODES.has(c), { message: 'must be an ISO 3166-1 alpha-2 country code in upper case, such as "DE"' }),
});

/** A stored address as the API answers it: every part present, absent ones null. */
export const ZPostalAddressOut = z
  .object({ line1: z.string().nullable(), line2: z.string().nullable(), city: z.string().nullable(), state: z.string().nullable(), postalCode: z.string().nullable(), country: z.string() })
  .meta({ id: 'Address' });

export type TPostalAddress = z.infer<typeof ZPostalAddressOut>;

/** The stored form: every key present, absent parts null. */
export function normalizePostalAddress(input: z.infer<typeof ZPostalAddress>): TPostalAddress {
  return {
    line1: input.line1 ?? null,
    line2: input.line2 ?? null,
    city: input.city ?? null,
    state: input.state ?? null,
    postalCode: input.postalCode ?? null,
    country: input.country,
  };
}

/** A stored address read back; anything that is not one (an old or hand-edited row) is no address. */
export function readPostalAddress(value: unknown): TPostalAddress | null {
  const parsed = ZPostalAddress.safeParse(value);
  return parsed.success ? normalizePostalAddress(parsed.data) : null;
}

/**
 * The address as lines to print, in the order the country's post expects the city, region and
 * postal code ("10119 Berlin"; "Austin, TX 78701"; "Bandung 40111" then "Jawa Barat"; the UK's
 * postcode on a line of its own). The country's name comes localized from Intl.
 */
export function postalAddressLines(address: TPostalAddress, locale: string): string[] {
  const { city, state, postalCode: code } = address;
  const join = (...parts: (string | null)[]) => parts.filter(Boolean).join(' ');
  let place: (string | null)[];
  switch (address.country) {
    case 'US':
    case 'CA':
      place = [join(city ? `${city},` : null, state, code)];
      break;
    case 'AU':
      place = [join(city, state, code)];
      break;
    case 'GB':
    case 'IE':
      place = [city, state, code];
      break;
    case 'ID':
    case 'IN':
    case 'SG':
    case 'MY':
      place = [join(city, code), state];
      break;
    default:
      place = [join(code, city), state];
  }
  const country = new Intl.DisplayNames([locale], { type: 'region', fallback: 'code' }).of(address.country) ?? address.country;
  return [address.line1, address.line2, ...place, country].filter((l): l is string => Boolean(l));
}
