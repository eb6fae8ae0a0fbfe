import type { Metadata } from 'next';
import type { ReactNode } from 'react';
import { headers } from 'next/headers';
import { getTranslations } from 'next-intl/server';
import { PortalLinkNavigation } from '@/components/portal/PortalLinkNavigation';
import { getPortalContext } from '@/lib/portal/get-portal-context';
import { requirePortalContext } from '@/lib/portal/require-portal-context';

export const dynamic = 'force-dynamic';

export async function generateMetadata(): Promise<Metadata> {
  const ctx = await getPortalContext();
  const t = await getTranslations('Portal');
  return { title: ctx ? t('metaTitle', { merchant: ctx.branding.displayName }) : t('sessionEndedTitle'), robots: { index: false } };
}

// Every portal page needs a live login; without one the answer is 401 and nothing of the customer.
export default async function PortalLayout({ children }: { children: ReactNode }) {
  const ctx = await requirePortalContext();
  const nonce = (await headers()).get('x-nonce') ?? undefined;
  const { brandColor, brandTextColor, accentOnLight, accentOnDark } = ctx.branding;
  return (
    <>
      <style nonce={nonce}>{`:root{--brand:${brandColor};--brand-text:${brandTextColor};--brand-accent:${accentOnLight};--brand-accent-dark:${accentOnDark}}`}</style>
      <PortalLinkNavigation />
      {children}
    </>
  );
}
