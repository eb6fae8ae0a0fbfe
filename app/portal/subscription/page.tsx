import { getTranslations } from 'next-intl/server';
import { PortalFrame } from '@/components/portal/PortalFrame';
import { SubscriptionActions } from '@/components/portal/SubscriptionActions';
import { SubscriptionSummary } from '@/components/portal/SubscriptionSummary';
import { getCurrentSubscription } from '@/lib/billing/get-current-subscription';
import { requirePortalContext } from '@/lib/portal/require-portal-context';

// The current subscription: plan, status, period and price; cancel or resume it.
export default async function SubscriptionPage() {
  const ctx = await requirePortalContext();
  const t = await getTranslations('Portal');
  const subscription = await getCurrentSubscription(ctx.login);
  return (
    <PortalFrame ctx={ctx} current="subscription" title={t('tabs.subscription')}>
      {subscription ? (
        <>
          <SubscriptionSummary subscription={subscription} locale={ctx.locale} />
          <SubscriptionActions ctx={ctx} subscription={subscription} />
        </>
      ) : (
        <p className="text-zinc-700 dark:text-zinc-300">{t('noSubscription')}</p>
      )}
    </PortalFrame>
  );
}
