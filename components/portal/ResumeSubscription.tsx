'use client';

import { useTranslations } from 'next-intl';
import { announce } from '@/lib/portal-client/announce';
import { useResumeSubscription } from '@/lib/portal-client/use-subscription-mutations';
import { MutationButton } from './MutationButton';

// Undo a scheduled cancel or, while payments are paused, resume them now.
export function ResumeSubscription({ subscriptionId, paused = false }: { subscriptionId: string; paused?: boolean }) {
  const t = useTranslations('PortalActions');
  const resume = useResumeSubscription(subscriptionId);
  return (
    <MutationButton
      label={paused ? t('resumePayments') : t('resume')}
      pendingLabel={t('resuming')}
      pending={resume.isPending}
      error={resume.error}
      onClick={() => resume.mutate(undefined, { onSuccess: () => announce(paused ? t('paymentsResumed') : t('resumed')) })}
    />
  );
}
