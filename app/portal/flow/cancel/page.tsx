import { redirect } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { PortalFrame } from '@/components/portal/PortalFrame';
import { SubscriptionSummary } from '@/components/portal/SubscriptionSummary';
import { getCurrentSubscription } from '@/lib/billing/get-current-subscription';
import { requirePortalContext } from '@/lib/portal/require-portal-context';

// The cancel flow: the subscription named at creation, without the portal's other sections.
export default async function CancelFlowPage() {
  const ctx = await requirePortalContext();
  const { flowType, flowSubscriptionId } = ctx.login.session;
  if (flowType !== 'subscription_cancel' || !flowSubscriptionId) redirect('/portal');
  const t = await getTranslations('Portal');
  const subscription = await getCurrentSubscription(ctx.login, flowSubscriptionId);
  return (
    <PortalFrame ctx={ctx} title={t('flowCancelTitle')}>
      {subscription ? <SubscriptionSummary subscription={subscription} locale={ctx.locale} /> : <p>{t('noSubscription')}</p>}
    </PortalFrame>
  );
}
