'use client';

import { useTranslations } from 'next-intl';
import { useLeadToOutcome } from '@/lib/portal-client/use-lead-to-outcome';
import { useChangePlan } from '@/lib/portal-client/use-subscription-mutations';
import { MutationButton } from './MutationButton';

type TProps = { subscriptionId: string; price: string; quantity: number; prorationDate: number; amountToday: string | null; scheduledFor: string | null };

/** Confirms the change exactly as previewed: the preview's proration moment goes with it. */
export function ConfirmPlanChange({ subscriptionId, price, quantity, prorationDate, amountToday, scheduledFor }: TProps) {
  const t = useTranslations('PortalActions');
  const change = useChangePlan(subscriptionId);
  const leadOn = useLeadToOutcome();
  const said = scheduledFor ? t('planChangeScheduled', { date: scheduledFor }) : t('planChanged');
  return (
    <MutationButton
      label={amountToday ? t('confirmAndPay', { amount: amountToday }) : t('confirmPlanChange')}
      pendingLabel={t('changingPlan')}
      pending={change.isPending}
      error={change.error}
      onClick={() => change.mutate({ price, quantity, prorationDate }, { onSuccess: (outcome) => leadOn(outcome, { done: `/portal/subscription/${subscriptionId}`, said, saidUnpaid: t('planChangedUnpaid') }) })}
    />
  );
}
