import { PortalLink } from '@/components/portal/PortalLink';
import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { PortalFrame } from '@/components/portal/PortalFrame';
import { SubscriptionPanel } from '@/components/portal/SubscriptionPanel';
import { findLiveSubscription } from '@/lib/billing/live-subscriptions';
import { planOf } from '@/lib/billing/renewal-charge';
import { isId } from '@/lib/ids/new-id';
import { requirePortalContext } from '@/lib/portal/require-portal-context';

// One subscription on a page of its own, with its actions; another customer's id is not found.
export default async function SubscriptionPage({ params }: { params: Promise<{ id: string }> }) {
  const ctx = await requirePortalContext();
  const { id } = await params;
  const subscription = isId('subscription', id) ? await findLiveSubscription(ctx.login, id) : null;
  if (!subscription) notFound();
  const t = await getTranslations('Portal');
  return (
    <PortalFrame ctx={ctx} current="subscription" title={planOf(subscription).name}>
      <p className="mb-4 text-sm">
        <PortalLink className="underline underline-offset-4" href="/portal/subscription">{t('allSubscriptions')}</PortalLink>
      </p>
      <SubscriptionPanel ctx={ctx} subscription={subscription} />
    </PortalFrame>
  );
}
