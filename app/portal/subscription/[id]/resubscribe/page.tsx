import { PortalLink } from '@/components/portal/PortalLink';
import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { PlanPicker } from '@/components/portal/PlanPicker';
import { PortalFrame } from '@/components/portal/PortalFrame';
import { planOptions } from '@/lib/billing/plan-options';
import { findEndedSubscription } from '@/lib/billing/resubscribe';
import { isId } from '@/lib/ids/new-id';
import { requirePortalContext } from '@/lib/portal/require-portal-context';

// Starting an ended subscription again: its previous plan, or another the account offers.
export default async function ResubscribePage({ params }: { params: Promise<{ id: string }> }) {
  const ctx = await requirePortalContext();
  const { id } = await params;
  if (!ctx.features.resubscribe) notFound();
  const ended = isId('subscription', id) ? await findEndedSubscription(ctx.login, id) : null;
  if (!ended) notFound();
  const [options, t] = await Promise.all([planOptions(ctx.features, ended, { restart: true }), getTranslations('PlanChange')]);
  return (
    <PortalFrame ctx={ctx} current="subscription" title={t('resubscribeTitle')}>
      <p className="mb-4 text-sm">
        <PortalLink className="underline underline-offset-4" href="/portal/subscription">{t('backToSubscription')}</PortalLink>
      </p>
      {options.length === 0 ? <p>{t('noOptions')}</p> : <PlanPicker subscription={ended} options={options} seats={ctx.features.updateQuantity} locale={ctx.locale} restart />}
    </PortalFrame>
  );
}
