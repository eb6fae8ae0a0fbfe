import { PortalLink } from '@/components/portal/PortalLink';
import { getTranslations } from 'next-intl/server';
import { planOf, type TRenewableSubscription } from '@/lib/billing/renewal-charge';
import { formatMoney } from '@/lib/money/format-money';
import { Section } from './Section';
import { SubscriptionStatus } from './SubscriptionStatus';
import { UpcomingCharge } from './UpcomingCharge';

const LINK = 'text-sm font-medium underline underline-offset-4';

/** The overview's subscriptions: "Current plan" for one, each with a way to its own page when there are several. */
export async function SubscriptionOverview({ subscriptions, locale }: { subscriptions: TRenewableSubscription[]; locale: string }) {
  const t = await getTranslations('Portal');
  const several = subscriptions.length > 1;
  return (
    <Section id="plan" title={several ? t('subscriptions') : t('currentPlan')} action={<PortalLink className={LINK} href="/portal/subscription">{t('tabs.subscription')}</PortalLink>}>
      {subscriptions.length === 0 ? (
        <p className="text-zinc-700 dark:text-zinc-300">{t('noSubscription')}</p>
      ) : (
        <ul className="divide-y divide-zinc-200 dark:divide-zinc-800">
          {subscriptions.map((subscription) => {
            const plan = planOf(subscription);
            return (
              <li key={subscription.id} className="py-3 first:pt-0 last:pb-0">
                <p className="flex flex-wrap items-center gap-x-3 gap-y-1">
                  {several ? (
                    <PortalLink className="font-medium underline underline-offset-4" href={`/portal/subscription/${subscription.id}`}>{plan.name}</PortalLink>
                  ) : (
                    <span className="font-medium">{plan.name}</span>
                  )}
                  <SubscriptionStatus subscription={subscription} locale={locale} />
                </p>
                <p className="mt-1 text-zinc-700 dark:text-zinc-300">{t('perInterval', { amount: formatMoney(plan, locale), interval: plan.interval })}</p>
                <div className="mt-3">
                  <UpcomingCharge subscription={subscription} locale={locale} />
                </div>
              </li>
            );
          })}
        </ul>
      )}
    </Section>
  );
}
