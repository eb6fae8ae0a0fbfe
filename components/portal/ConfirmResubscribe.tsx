'use client';

import { useTranslations } from 'next-intl';
import { useLeadToOutcome } from '@/lib/portal-client/use-lead-to-outcome';
import { useResubscribe } from '@/lib/portal-client/use-subscription-mutations';
import { MutationButton } from './MutationButton';

/** Starts the subscription again and charges its first invoice. */
export function ConfirmResubscribe({ subscriptionId, price, quantity, amount }: { subscriptionId: string; price: string; quantity: number; amount: string }) {
  const t = useTranslations('PortalActions');
  const start = useResubscribe(subscriptionId);
  const leadOn = useLeadToOutcome();
  return (
    <MutationButton
      label={t('confirmResubscribe', { amount })}
      pendingLabel={t('resubscribing')}
      pending={start.isPending}
      error={start.error}
      onClick={() => start.mutate({ price, quantity }, { onSuccess: (outcome) => leadOn(outcome, { done: `/portal/subscription/${outcome.subscriptionId}`, said: t('resubscribed'), saidUnpaid: t('resubscribedUnpaid') }) })}
    />
  );
}
