import { PortalLink } from '@/components/portal/PortalLink';
import { getTranslations } from 'next-intl/server';
import { PortalFrame } from '@/components/portal/PortalFrame';
import { SubscriptionPanel } from '@/components/portal/SubscriptionPanel';
import { listLiveSubscriptions } from '@/lib/billing/live-subscriptions';
import { listEndedSubscriptions } from '@/lib/billing/resubscribe';
import { EndedSubscriptions } from '@/components/portal/EndedSubscriptions';
import { planOf } from '@/lib/billing/renewal-charge';
import { requirePortalContext } from '@/lib/portal/require-portal-context';

// The customer's subscriptions: plan, status, period and price of each; cancel or resume it.
export default async function SubscriptionsPage() {
  const ctx = await requirePortalContext();
  const t = await getTranslations('Portal');
  const [subscriptions, ended] = await Promise.all([listLiveSubscriptions(ctx.login), ctx.features.resubscribe ? listEndedSubscriptions(ctx.login) : []]);
  const [only] = subscriptions;
  return (
    <PortalFrame ctx={ctx} current="subscription" title={subscriptions.length > 1 ? t('subscriptions') : t('tabs.subscription')}>
      {subscriptions.length === 0 && <p className="text-zinc-700 dark:text-zinc-300">{t('noSubscription')}</p>}
      {subscriptions.length === 1 && <SubscriptionPanel ctx={ctx} subscription={only!} />}
      {subscriptions.length > 1 && (
        <div className="space-y-10">
          {subscriptions.map((subscription) => (
            <section key={subscription.id} aria-labelledby={`subscription-${subscription.id}`}>
              <h2 id={`subscription-${subscription.id}`} className="mb-3 text-base font-semibold">
                <PortalLink className="underline underline-offset-4" href={`/portal/subscription/${subscription.id}`}>{planOf(subscription).name}</PortalLink>
              </h2>
              <SubscriptionPanel ctx={ctx} subscription={subscription} />
            </section>
          ))}
        </div>
      )}
      {ended.length > 0 && <EndedSubscriptions ended={ended} locale={ctx.locale} />}
    </PortalFrame>
  );
}
