'use client';

import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { primaryButton } from '@/components/ui/button-styles';
import { announceOnNextPage } from '@/lib/portal-client/announce';
import { errorMessageKey } from '@/lib/portal-client/portal-request';
import { useResubscribe } from '@/lib/portal-client/use-subscription-mutations';

/** Starts the subscription again and charges its first invoice; declined, the customer lands on the invoice to pay it. */
export function ConfirmResubscribe({ subscriptionId, price, quantity, amount }: { subscriptionId: string; price: string; quantity: number; amount: string }) {
  const t = useTranslations('PortalActions');
  const router = useRouter();
  const start = useResubscribe(subscriptionId);
  return (
    <div>
      <button
        type="button"
        className={primaryButton}
        disabled={start.isPending}
        aria-busy={start.isPending}
        onClick={() =>
          start.mutate({ price, quantity }, {
            onSuccess: (result) => {
              const unpaid = result.invoice?.status === 'open' ? result.invoice.id : null;
              announceOnNextPage(unpaid ? t('resubscribedUnpaid') : t('resubscribed'));
              router.push(unpaid ? `/portal/invoices/${unpaid}` : `/portal/subscription/${result.subscriptionId}`);
            },
          })
        }
      >
        {start.isPending ? t('resubscribing') : t('confirmResubscribe', { amount })}
      </button>
      {start.isError && <p role="alert" className="mt-2 text-red-700 dark:text-red-400">{t(errorMessageKey(start.error))}</p>}
    </div>
  );
}
