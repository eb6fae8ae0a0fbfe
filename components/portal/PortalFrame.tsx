import type { ReactNode } from 'react';
import { getTranslations } from 'next-intl/server';
import type { TPortalTab } from '@/lib/portal-login/portal-landing';
import type { TPortalContext } from '@/lib/portal/get-portal-context';
import { ChallengeNotice } from './ChallengeNotice';
import { DoneButton } from './DoneButton';
import { PageHeading } from './PageHeading';
import { PortalNav } from './PortalNav';
import { StatusAnnouncer } from './StatusAnnouncer';

// current: the tab this page is (null: a page of its own, under the tabs); left out, no tabs (a flow).
// authentication: how a check with the card's bank ended, when the customer is just back from it.
type TProps = { ctx: TPortalContext; current?: TPortalTab | null; title: string; authentication?: string | string[]; children: ReactNode };

// Every portal screen: the merchant's header with "Done", the sections (hidden inside a flow), the
// content, and the merchant's support and legal links.
export async function PortalFrame({ ctx, current, title, authentication, children }: TProps) {
  const t = await getTranslations('Portal');
  const { branding } = ctx;
  return (
    <div className="mx-auto flex min-h-dvh max-w-4xl flex-col px-4 sm:px-6">
      <a href="#content" className="sr-only focus:not-sr-only focus:mt-2 focus:underline">
        {t('skipToContent')}
      </a>
      <header className="flex items-center justify-between gap-4 py-5">
        <div className="flex min-w-0 items-center gap-3">
          {branding.logoUrl && (
            // eslint-disable-next-line @next/next/no-img-element -- merchants' logos live on their own hosts
            <img src={branding.logoUrl} alt="" className="size-9 shrink-0 rounded object-contain" />
          )}
          <p className="truncate text-lg font-semibold">{branding.displayName}</p>
        </div>
        <DoneButton />
      </header>
      {current !== undefined && <PortalNav current={current} features={ctx.features} />}
      <main id="content" className="flex-1 py-6">
        <PageHeading>{title}</PageHeading>
        <StatusAnnouncer />
        <ChallengeNotice outcome={authentication} />
        {children}
      </main>
      <footer className="flex flex-wrap items-center gap-x-4 gap-y-2 border-t border-zinc-200 py-5 text-sm text-zinc-600 dark:border-zinc-800 dark:text-zinc-400">
        <span>{t('signedInAs', { email: ctx.customer.email })}</span>
        {branding.supportUrl && <a className="underline" href={branding.supportUrl}>{t('support')}</a>}
        {!branding.supportUrl && branding.supportEmail && <a className="underline" href={`mailto:${branding.supportEmail}`}>{t('support')}</a>}
        {branding.termsUrl && <a className="underline" href={branding.termsUrl}>{t('terms')}</a>}
        {branding.privacyUrl && <a className="underline" href={branding.privacyUrl}>{t('privacy')}</a>}
        <span className="ms-auto">{t('poweredBy')}</span>
      </footer>
    </div>
  );
}
