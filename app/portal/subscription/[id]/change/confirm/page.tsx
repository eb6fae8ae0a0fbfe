import { PortalLink } from '@/components/portal/PortalLink';
import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { PlanChangePreview } from '@/components/portal/PlanChangePreview';
import { PortalFrame } from '@/components/portal/PortalFrame';
import { ApiError } from '@/lib/api/errors';
import { isPlanRefusal, previewPlanChange } from '@/lib/billing/change-own-plan';
import { findDefaultCard } from '@/lib/billing/default-card';
import { isId } from '@/lib/ids/new-id';
import { planChoiceFrom, type TPlanChoiceQuery } from '@/lib/portal/plan-choice-query';
import { requirePortalContext } from '@/lib/portal/require-portal-context';

type TProps = { params: Promise<{ id: string }>; searchParams: Promise<TPlanChoiceQuery> };

// The exact preview of one plan change (what is charged today, the next invoice and its date), to confirm.
export default async function ConfirmPlanChangePage({ params, searchParams }: TProps) {
  const ctx = await requirePortalContext();
  const { id } = await params;
  if (!ctx.features.subscriptionUpdate || !isId('subscription', id)) notFound();
  const { flowType, flowPriceId, flowQuantity } = ctx.login.session;
  // A confirm link shows the plan it was made for, whatever the address says.
  const query = await searchParams;
  const choice =
    flowType === 'subscription_update_confirm'
      ? { subscriptionId: id, price: flowPriceId!, quantity: flowQuantity! }
      : planChoiceFrom(id, query);
  const [t, tActions] = await Promise.all([getTranslations('PlanChange'), getTranslations('PortalActions')]);
  const preview = await previewPlanChange(ctx.login, choice, ctx.features).catch((error: unknown) => {
    if (error instanceof ApiError) return error;
    throw error;
  });
  if (preview instanceof ApiError && preview.code === 'not_found') notFound();
  const backToPlans = flowType !== 'subscription_update_confirm' && (
    <p className="mt-6 text-sm">
      <PortalLink className="underline underline-offset-4" href={`/portal/subscription/${id}/change`}>{t('backToPlans')}</PortalLink>
    </p>
  );
  return (
    <PortalFrame ctx={ctx} current={flowType ? undefined : 'subscription'} title={t('confirmTitle')}>
      {preview instanceof ApiError ? (
        <p role="alert">{isPlanRefusal(preview.message) ? tActions(`errors.${preview.message}`) : t('notChangeable')}</p>
      ) : (
        <PlanChangePreview preview={preview} behavior={ctx.features.updateProrationBehavior} card={await findDefaultCard(ctx.login)} locale={ctx.locale} />
      )}
      {backToPlans}
    </PortalFrame>
  );
}
