import 'server-only';
import { getPrisma } from '../db/get-db';
import { readableTextOn } from './contrast';

export type TBranding = {
  displayName: string;
  logoUrl: string | null;
  brandColor: string;
  /** Text on brandColor, computed for at least 4.5:1 contrast. */
  brandTextColor: string;
  accentColor: string;
  supportEmail: string | null;
  supportUrl: string | null;
  termsUrl: string | null;
  privacyUrl: string | null;
};

// A merchant without settings gets a clean neutral look.
const NEUTRAL = { brandColor: '#18181b', accentColor: '#52525b' };

// Colours reach CSS: anything but #rrggbb (say, from a row written before validation) falls back.
const color = (value: string | null | undefined) => (value && /^#[0-9a-f]{6}$/i.test(value) ? value : undefined);

export async function getBranding(accountId: string): Promise<TBranding> {
  const prisma = getPrisma();
  const [settings, account] = await Promise.all([
    prisma.checkoutSettings.findUnique({ where: { accountId } }),
    prisma.account.findUnique({ where: { id: accountId }, select: { name: true } }),
  ]);
  const brandColor = color(settings?.brandColor) ?? NEUTRAL.brandColor;
  return {
    displayName: settings?.displayName ?? account?.name ?? '',
    logoUrl: settings?.logoUrl ?? null,
    brandColor,
    brandTextColor: readableTextOn(brandColor),
    accentColor: color(settings?.accentColor) ?? NEUTRAL.accentColor,
    supportEmail: settings?.supportEmail ?? null,
    supportUrl: settings?.supportUrl ?? null,
    termsUrl: settings?.termsUrl ?? null,
    privacyUrl: settings?.privacyUrl ?? null,
  };
}
