'use client';

import { useTranslations } from 'next-intl';
import { primaryButton } from '@/components/ui/button-styles';
import { announce } from '@/lib/portal-client/announce';
import { errorMessageKey } from '@/lib/portal-client/portal-request';
import { usePayInvoice } from '@/lib/portal-client/use-invoice-mutations';
import { QueryProvider } from './QueryProvider';

type TProps = { invoiceId: string; amount: string; card: string };

/** "Pay" for one open invoice, charged to the default card it names; a decline says why and changes nothing. */
export function PayInvoice(props: TProps) {
  return (
    <QueryProvider>
      <PayButton {...props} />
    </QueryProvider>
  );
}

function PayButton({ invoiceId, amount, card }: TProps) {
  const t = useTranslations('PortalActions');
  const pay = usePayInvoice(invoiceId);
  return (
    <div className="flex flex-wrap items-center gap-x-4 gap-y-2">
      <button type="button" className={primaryButton} disabled={pay.isPending} aria-busy={pay.isPending} onClick={() => pay.mutate(undefined, { onSuccess: () => announce(t('invoicePaid')) })}>
        {pay.isPending ? t('paying') : t('payAmount', { amount })}
      </button>
      <span className="text-sm text-zinc-700 dark:text-zinc-300">{card}</span>
      {pay.isError && <p role="alert" className="basis-full text-red-700 dark:text-red-400">{t(errorMessageKey(pay.error))}</p>}
    </div>
  );
}
