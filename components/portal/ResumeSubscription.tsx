'use client';

import { useTranslations } from 'next-intl';
import { announce } from '@/lib/portal-client/announce';
import { useResumeSubscription } from '@/lib/portal-client/use-subscription-mutations';
import { MutationButton } from './MutationButton';

export function ResumeSubscription({ subscriptionId }: { subscriptionId: string }) {
  const t = useTranslations('PortalActions');
  const resume = useResumeSubscription(subscriptionId);
  return (
    <MutationButton
      label={t('resume')}
      pendingLabel={t('resuming')}
      pending={resume.isPending}
      error={resume.error}
      onClick={() => resume.mutate(undefined, { onSuccess: () => announce(t('resumed')) })}
    />
  );
}
