'use client';

import { useTranslations } from 'next-intl';
import { secondaryButton } from '@/components/ui/button-styles';
import { announce } from '@/lib/portal-client/announce';
import { useKeepPlan } from '@/lib/portal-client/use-subscription-mutations';
import { MutationButton } from './MutationButton';

/** Undoes a plan change set for the period's end. */
export function KeepPlan({ subscriptionId }: { subscriptionId: string }) {
  const t = useTranslations('PortalActions');
  const keep = useKeepPlan(subscriptionId);
  return (
    <MutationButton
      className={secondaryButton}
      label={t('keepPlan')}
      pendingLabel={t('keepingPlan')}
      pending={keep.isPending}
      error={keep.error}
      onClick={() => keep.mutate(undefined, { onSuccess: () => announce(t('planKept')) })}
    />
  );
}
