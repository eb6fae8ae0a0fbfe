'use client';

import { useTranslations } from 'next-intl';
import { primaryButton } from '@/components/ui/button-styles';
import { announce } from '@/lib/portal-client/announce';
import { errorMessageKey } from '@/lib/portal-client/portal-request';
import { useResumeSubscription } from '@/lib/portal-client/use-subscription-mutations';

export function ResumeSubscription({ subscriptionId }: { subscriptionId: string }) {
  const t = useTranslations('PortalActions');
  const resume = useResumeSubscription(subscriptionId);
  return (
    <div>
      <button type="button" className={primaryButton} disabled={resume.isPending} aria-busy={resume.isPending} onClick={() => resume.mutate(undefined, { onSuccess: () => announce(t('resumed')) })}>
        {resume.isPending ? t('resuming') : t('resume')}
      </button>
      {resume.isError && <p role="alert" className="mt-2 text-red-700 dark:text-red-400">{t(errorMessageKey(resume.error))}</p>}
    </div>
  );
}
