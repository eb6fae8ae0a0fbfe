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
              className="portal-tab"
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
