import { PortalLink } from '@/components/portal/PortalLink';
import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { PortalFrame } from '@/components/portal/PortalFrame';
import { PlanPicker } from '@/components/portal/PlanPicker';
import { findLiveSubscription } from '@/lib/billing/live-subscriptions';
import { planChangeRefusal, planOptions } from '@/lib/billing/plan-options';
import { isId } from '@/lib/ids/new-id';
import { requirePortalContext } from '@/lib/portal/require-portal-context';

// The plans this subscription may switch to, side by side; choosing one leads to its exact preview.
export default async function ChangePlanPage({ params }: { params: Promise<{ id: string }> }) {
  const ctx = await requirePortalContext();
  const { id } = await params;
  if (!ctx.features.subscriptionUpdate) notFound();
  const subscription = isId('subscription', id) ? await findLiveSubscription(ctx.login, id) : null;
  if (!subscription) notFound();
  const refusal = planChangeRefusal(subscription);
  const [options, t] = await Promise.all([refusal ? [] : planOptions(ctx.features, subscription), getTranslations('PlanChange')]);
  const inFlow = ctx.login.session.flowType !== null;
  return (
    <PortalFrame ctx={ctx} current={inFlow ? undefined : 'subscription'} title={t('title')}>
      {!inFlow && (
        <p className="mb-4 text-sm">
          <PortalLink className="underline underline-offset-4" href={`/portal/subscription/${subscription.id}`}>{t('backToSubscription')}</PortalLink>
        </p>
      )}
      {refusal ? (
        <p>{t('notChangeable')}</p>
      ) : options.length === 0 ? (
        <p>{t('noOptions')}</p>
      ) : (
        <PlanPicker subscription={subscription} options={options} seats={ctx.features.updateQuantity} locale={ctx.locale} />
      )}
    </PortalFrame>
  );
}
