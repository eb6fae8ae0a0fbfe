import { redirect } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { PortalFrame } from '@/components/portal/PortalFrame';
import { SubscriptionPanel } from '@/components/portal/SubscriptionPanel';
import { findLiveSubscription } from '@/lib/billing/live-subscriptions';
import { requirePortalContext } from '@/lib/portal/require-portal-context';

// The cancel flow: the subscription named at creation, ready to cancel; done, it goes back to the merchant.
export default async function CancelFlowPage() {
  const ctx = await requirePortalContext();
  const { flowType, flowSubscriptionId } = ctx.login.session;
  if (flowType !== 'subscription_cancel' || !flowSubscriptionId) redirect('/portal');
  const t = await getTranslations('Portal');
  const subscription = await findLiveSubscription(ctx.login, flowSubscriptionId);
  return (
    <PortalFrame ctx={ctx} title={t('flowCancelTitle')}>
      {subscription ? (
        <SubscriptionPanel ctx={ctx} subscription={subscription} startOpen={!subscription.cancelAtPeriodEnd} />
      ) : (
        <p>{t('noSubscription')}</p>
      )}
    </PortalFrame>
  );
}
