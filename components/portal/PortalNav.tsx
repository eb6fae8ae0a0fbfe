import { headers } from 'next/headers';
import { PortalLink } from '@/components/portal/PortalLink';
import { getTranslations } from 'next-intl/server';
import { PORTAL_TABS, type TPortalTab } from '@/lib/portal-login/portal-landing';
import type { TPortalFeatures } from '@/lib/portal/get-portal-context';
import { bringCurrentTabIntoView } from '@/lib/portal-client/bring-current-tab-into-view';
import { TabStrip } from './TabStrip';

export function visibleTabs(features: TPortalFeatures): TPortalTab[] {
  return (Object.keys(PORTAL_TABS) as TPortalTab[]).filter(
    (tab) => (tab !== 'invoices' || features.invoiceHistory) && (tab !== 'payment-method' || features.paymentMethodUpdate),
  );
}

// Navigation between the portal's sections: links with aria-current, so each is a real page.
export async function PortalNav({ current, features }: { current: TPortalTab | null; features: TPortalFeatures }) {
  const t = await getTranslations('Portal');
  const nonce = (await headers()).get('x-nonce') ?? undefined;
  return (
    <nav aria-label={t('navLabel')} className="border-b border-zinc-200 dark:border-zinc-800">
      <TabStrip>
        {visibleTabs(features).map((tab) => (
          <li key={tab} className="shrink-0">
            <PortalLink
              href={PORTAL_TABS[tab]}
              aria-current={tab === current ? 'page' : undefined}
              className="inline-flex min-h-11 items-center whitespace-nowrap border-b-2 border-transparent px-3 text-sm font-medium text-zinc-600 hover:text-zinc-900 aria-[current=page]:border-[var(--brand-accent)] aria-[current=page]:text-zinc-900 dark:text-zinc-400 dark:hover:text-zinc-100 dark:aria-[current=page]:border-[var(--brand-accent-dark)] dark:aria-[current=page]:text-zinc-50"
            >
              {t(`tabs.${tab}`)}
            </PortalLink>
          </li>
        ))}
      </TabStrip>
      <script nonce={nonce} dangerouslySetInnerHTML={{ __html: `(${bringCurrentTabIntoView.toString()})(document.currentScript.previousElementSibling)` }} />
    </nav>
  );
}
