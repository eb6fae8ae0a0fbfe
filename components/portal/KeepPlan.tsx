'use client';

import { useTranslations } from 'next-intl';
import { secondaryButton } from '@/components/ui/button-styles';
import { announce } from '@/lib/portal-client/announce';
import { errorMessageKey } from '@/lib/portal-client/portal-request';
import { useKeepPlan } from '@/lib/portal-client/use-subscription-mutations';

/** Undoes a plan change set for the period's end. */
export function KeepPlan({ subscriptionId }: { subscriptionId: string }) {
  const t = useTranslations('PortalActions');
  const keep = useKeepPlan(subscriptionId);
  return (
    <div>
      <button type="button" className={secondaryButton} disabled={keep.isPending} aria-busy={keep.isPending} onClick={() => keep.mutate(undefined, { onSuccess: () => announce(t('planKept')) })}>
        {keep.isPending ? t('keepingPlan') : t('keepPlan')}
      </button>
      {keep.isError && <p role="alert" className="mt-2 text-red-700 dark:text-red-400">{t(errorMessageKey(keep.error))}</p>}
    </div>
  );
}
