import { PortalLink } from '@/components/portal/PortalLink';
import { getTranslations } from 'next-intl/server';
import { secondaryButton } from '@/components/ui/button-styles';
import { planOf, type TRenewableSubscription } from '@/lib/billing/renewal-charge';
import { formatDate } from '@/lib/i18n/format-date';

/** The subscriptions that ended, latest first, each with the way to start it again. */
export async function EndedSubscriptions({ ended, locale }: { ended: TRenewableSubscription[]; locale: string }) {
  const t = await getTranslations('PlanChange');
  return (
    <section aria-labelledby="ended-subscriptions" className="mt-10">
      <h2 id="ended-subscriptions" className="mb-3 text-base font-semibold">{t('endedSubscriptions')}</h2>
      <ul className="boxed-list">
        {ended.map((subscription) => (
          <li key={subscription.id} className="flex flex-wrap items-center justify-between gap-3 p-4">
            <span>
              <span className="font-medium">{planOf(subscription).name}</span>
              <span className="block text-sm text-zinc-700 dark:text-zinc-300">{t('endedOn', { date: formatDate(subscription.endedAt ?? subscription.canceledAt ?? subscription.currentPeriodEnd, locale) })}</span>
            </span>
            <PortalLink className={secondaryButton} href={`/portal/subscription/${subscription.id}/resubscribe`} aria-label={t('resubscribeTo', { plan: planOf(subscription).name })}>{t('resubscribe')}</PortalLink>
          </li>
        ))}
      </ul>
    </section>
  );
}
