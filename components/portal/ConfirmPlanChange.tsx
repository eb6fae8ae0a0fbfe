'use client';

import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { primaryButton } from '@/components/ui/button-styles';
import { announceOnNextPage } from '@/lib/portal-client/announce';
import { errorMessageKey } from '@/lib/portal-client/portal-request';
import { useChangePlan } from '@/lib/portal-client/use-subscription-mutations';

type TProps = { subscriptionId: string; price: string; quantity: number; prorationDate: number; amountToday: string | null; scheduledFor: string | null };

/**
 * Confirms the change exactly as previewed (the preview's proration moment goes with it). Done, the
 * customer sees the subscription, or the invoice when its charge did not go through; a flow goes back
 * to the merchant.
 */
export function ConfirmPlanChange({ subscriptionId, price, quantity, prorationDate, amountToday, scheduledFor }: TProps) {
  const t = useTranslations('PortalActions');
  const router = useRouter();
  const change = useChangePlan(subscriptionId);
  const label = amountToday ? t('confirmAndPay', { amount: amountToday }) : t('confirmPlanChange');
  return (
    <div>
      <button
        type="button"
        className={primaryButton}
        disabled={change.isPending}
        aria-busy={change.isPending}
        onClick={() =>
          change.mutate({ price, quantity, prorationDate }, {
            onSuccess: (result) => {
              const unpaid = result.invoice?.status === 'open' ? result.invoice.id : null;
              announceOnNextPage(unpaid ? t('planChangedUnpaid') : scheduledFor ? t('planChangeScheduled', { date: scheduledFor }) : t('planChanged'));
              if (result.redirectTo) window.location.assign(result.redirectTo);
              else router.push(unpaid ? `/portal/invoices/${unpaid}` : `/portal/subscription/${subscriptionId}`);
            },
          })
        }
      >
        {change.isPending ? t('changingPlan') : label}
      </button>
      {change.isError && <p role="alert" className="mt-2 text-red-700 dark:text-red-400">{t(errorMessageKey(change.error))}</p>}
    </div>
  );
}
