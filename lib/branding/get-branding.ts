import 'server-only';
import { readPostalAddress, type TPostalAddress } from '../billing/postal-address';
import type { CheckoutSettings } from '../db/generated/client';
import { getPrisma } from '../db/get-db';
import { readableTextOn, visibleOn } from './contrast';

export type TBranding = {
  displayName: string;
  logoUrl: string | null;
  brandColor: string;
  /** Text on brandColor, computed for at least 4.5:1 contrast. */
  brandTextColor: string;
  /** The accent as drawn on the light and the dark page: itself where it reaches 3:1, else ink. */
  accentOnLight: string;
  accentOnDark: string;
  supportEmail: string | null;
  supportUrl: string | null;
  termsUrl: string | null;
  privacyUrl: string | null;
  /** The seller as invoices name it. */
  legalName: string | null;
  address: TPostalAddress | null;
  taxId: string | null;
};

// A merchant without settings gets a clean neutral look.
const NEUTRAL = { brandColor: '#18181b', accentColor: '#52525b' };
// The portal's page backgrounds and ink (Tailwind's white / zinc-950, zinc-900 / zinc-100).
const PAGE = { light: '#ffffff', dark: '#09090b', inkLight: '#18181b', inkDark: '#f4f4f5' };

// Colours reach CSS: anything but #rrggbb (say, from a row written before validation) falls back.
const color = (value: string | null | undefined) => (value && /^#[0-9a-f]{6}$/i.test(value) ? value : undefined);

export async function getBranding(accountId: string): Promise<TBranding> {
  const prisma = getPrisma();
  const [settings, account] = await Promise.all([
    prisma.checkoutSettings.findUnique({ where: { accountId } }),
    prisma.account.findUnique({ where: { id: accountId }, select: { name: true } }),
  ]);
  return brandingFrom(settings, account?.name ?? '');
}

type TSettingsRow = Pick<
  CheckoutSettings,
  'displayName' | 'logoUrl' | 'brandColor' | 'accentColor' | 'supportEmail' | 'supportUrl' | 'termsUrl' | 'privacyUrl' | 'legalName' | 'address' | 'taxId'
>;

/** Branding from an account's checkout settings row (or none) and its name. */
export function brandingFrom(settings: TSettingsRow | null, accountName: string): TBranding {
  const brandColor = color(settings?.brandColor) ?? NEUTRAL.brandColor;
  const accentColor = color(settings?.accentColor) ?? NEUTRAL.accentColor;
  return {
    displayName: settings?.displayName ?? accountName,
    logoUrl: settings?.logoUrl ?? null,
    brandColor,
    brandTextColor: readableTextOn(brandColor),
    accentOnLight: visibleOn(accentColor, PAGE.light, PAGE.inkLight),
    accentOnDark: visibleOn(accentColor, PAGE.dark, PAGE.inkDark),
    supportEmail: settings?.supportEmail ?? null,
    supportUrl: settings?.supportUrl ?? null,
    termsUrl: settings?.termsUrl ?? null,
    privacyUrl: settings?.privacyUrl ?? null,
    legalName: settings?.legalName ?? null,
    address: readPostalAddress(settings?.address),
    taxId: settings?.taxId ?? null,
  };
}
