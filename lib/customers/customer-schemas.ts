import { z } from 'zod';
import { ZMetadata, ZTimestamp, zDeleted, zIdOf, zList, zListQuery } from '../api/api-schemas';
import { ZPostalAddress, ZPostalAddressOut } from '../billing/postal-address';
import { TAX_ID_TYPES, ZTaxIds } from '../billing/tax-ids';

const ZName = z.string().trim().min(1).max(256);
const ZEmail = z.email().max(254);
// What people write a phone number as; the digits are what matter, at least 4 and at most 15 (E.164).
const ZPhone = z
  .string()
  .trim()
  .regex(/^\+?[0-9 ().\-/]+$/, { message: 'must be a phone number: digits, spaces, +, (, ), -, . and /' })
  .refine((p) => { const digits = p.replace(/\D/g, '').length; return digits >= 4 && digits <= 15; }, { message: 'must hold 4 to 15 digits' });
// BCP 47 tags, canonicalized ("pt-br" becomes "pt-BR").
const ZLocaleTag = z
  .string()
  .max(35)
  .refine((tag) => { try { return Intl.getCanonicalLocales(tag).length === 1; } catch { return false; } }, { message: 'must be a BCP 47 language tag, such as "de" or "pt-BR"' })
  .transform((tag) => Intl.getCanonicalLocales(tag)[0]!);


export const ZCustomer = z
  .object({
    id: z.string(),
    object: z.literal('customer'),
    email: z.string(),
    name: z.string().nullable(),
    phone: z.string().nullable(),
    address: ZPostalAddressOut.nullable(),
    taxIds: z.array(z.object({ type: z.enum(TAX_ID_TYPES), value: z.string() })),
    preferredLocales: z.array(z.string()),
    testClock: z.string().nullable(),
    balances: z.record(z.string(), z.number().int()).meta({ description: 'The customer’s credit per currency, negative as Stripe counts it (`{"EUR": -2700}`: €27.00 to spend on their next invoices in euros); a currency without credit is absent.' }),
    metadata: z.record(z.string(), z.string()),
    createdAt: ZTimestamp,
  })
  .meta({ id: 'Customer' });

export type TCustomerResource = z.infer<typeof ZCustomer>;

export const ZCustomerCreate = z
  .strictObject({
    email: ZEmail,
    name: ZName.nullable().optional(),
    phone: ZPhone.nullable().optional(),
    address: ZPostalAddress.nullable().optional(),
    taxIds: ZTaxIds.optional(),
    preferredLocales: z.array(ZLocaleTag).max(10).optional(),
    testClock: zIdOf('testClock', 'testClock').optional().meta({ description: 'Bill this customer on a test clock’s time (outside production mode).' }),
    metadata: ZMetadata.optional(),
  })
  .meta({ id: 'CustomerCreate' });

/** Any subset; null clears an optional field; metadata merges (an empty value removes a key). */
export const ZCustomerUpdate = z
  .strictObject({
    email: ZEmail.optional(),
    name: ZName.nullable().optional(),
    phone: ZPhone.nullable().optional(),
    address: ZPostalAddress.nullable().optional(),
    taxIds: ZTaxIds.optional(),
    preferredLocales: z.array(ZLocaleTag).max(10).optional(),
    metadata: ZMetadata.nullable().optional(),
  })
  .meta({ id: 'CustomerUpdate' });

export const ZCustomerListQuery = zListQuery('customer', 'customer', { email: ZEmail.optional() });
export const ZCustomerList = zList(ZCustomer, 'CustomerList');
export const ZDeletedCustomer = zDeleted('customer').meta({ id: 'DeletedCustomer' });
export const ZCustomerId = zIdOf('customer', 'customer');
