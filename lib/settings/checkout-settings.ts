import 'server-only';
import { z } from 'zod';
import { normalizePostalAddress, readPostalAddress, ZPostalAddress } from '../billing/postal-address';
import { Prisma } from '../db/generated/client';
import { getPrisma } from '../db/get-db';

const color = z.string().regex(/^#[0-9a-fA-F]{6}$/, { message: 'must be a #rrggbb colour' });
const httpsUrl = z.url({ protocol: /^https$/, message: 'must be an https URL' }).max(2048);

/** PATCH body: any subset; null clears an optional field. */
export const ZCheckoutSettingsPatch = z.strictObject({
  displayName: z.string().trim().min(1).max(100).optional(),
  logoUrl: httpsUrl.nullable().optional(),
  brandColor: color.nullable().optional(),
  accentColor: color.nullable().optional(),
  supportEmail: z.email().max(254).nullable().optional(),
  supportUrl: httpsUrl.nullable().optional(),
  termsUrl: httpsUrl.nullable().optional(),
  privacyUrl: httpsUrl.nullable().optional(),
  // The seller as invoices must name it (EU VAT, Indonesian faktur): registered name, address, tax ID.
  legalName: z.string().trim().min(1).max(200).nullable().optional(),
  address: ZPostalAddress.nullable().optional(),
  taxId: z
    .string()
    .trim()
    .min(2)
    .max(40)
    .regex(/^[A-Za-z0-9][A-Za-z0-9 .\/-]*$/, { message: 'must be letters, digits, spaces, dots, slashes and dashes' })
    .nullable()
    .optional(),
});

const FIELDS = ['displayName', 'logoUrl', 'brandColor', 'accentColor', 'supportEmail', 'supportUrl', 'termsUrl', 'privacyUrl', 'legalName', 'taxId'] as const;

export async function getCheckoutSettings(accountId: string) {
  const prisma = getPrisma();
  const [settings, account] = await Promise.all([
    prisma.checkoutSettings.findUnique({ where: { accountId } }),
    prisma.account.findUniqueOrThrow({ where: { id: accountId }, select: { name: true } }),
  ]);
  return {
    object: 'checkout_settings' as const,
    ...Object.fromEntries(FIELDS.map((f) => [f, settings?.[f] ?? null])),
    address: readPostalAddress(settings?.address),
    displayName: settings?.displayName ?? account.name,
  };
}

export async function updateCheckoutSettings(accountId: string, patch: z.infer<typeof ZCheckoutSettingsPatch>) {
  const current = await getCheckoutSettings(accountId);
  const { address, ...rest } = patch;
  const data = {
    ...rest,
    brandColor: patch.brandColor?.toLowerCase() ?? patch.brandColor,
    accentColor: patch.accentColor?.toLowerCase() ?? patch.accentColor,
    ...(address === undefined ? {} : { address: address === null ? Prisma.DbNull : normalizePostalAddress(address) }),
  };
  await getPrisma().checkoutSettings.upsert({ where: { accountId }, update: data, create: { accountId, displayName: current.displayName, ...data } });
  return getCheckoutSettings(accountId);
}
