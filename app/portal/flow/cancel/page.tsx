import { redirect } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { PortalFrame } from '@/components/portal/PortalFrame';
import { SubscriptionActions } from '@/components/portal/SubscriptionActions';
import { SubscriptionSummary } from '@/components/portal/SubscriptionSummary';
import { getCurrentSubscription } from '@/lib/billing/get-current-subscription';
import { requirePortalContext } from '@/lib/portal/require-portal-context';

// The cancel flow: the subscription named at creation, ready to cancel; done, it goes back to the merchant.
export default async function CancelFlowPage() {
  const ctx = await requirePortalContext();
  const { flowType, flowSubscriptionId } = ctx.login.session;
  if (flowType !== 'subscription_cancel' || !flowSubscriptionId) redirect('/portal');
  const t = await getTranslations('Portal');
  const subscription = await getCurrentSubscription(ctx.login, flowSubscriptionId);
  return (
    <PortalFrame ctx={ctx} title={t('flowCancelTitle')}>
      {subscription ? (
        <>
          <SubscriptionSummary subscription={subscription} locale={ctx.locale} />
          <SubscriptionActions ctx={ctx} subscription={subscription} startOpen={!subscription.cancelAtPeriodEnd} />
        </>
      ) : (
        <p>{t('noSubscription')}</p>
      )}
    </PortalFrame>
  );
}
