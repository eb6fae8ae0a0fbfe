'use client';

import { lazy, Suspense, useId, useState } from 'react';
import { useTranslations } from 'next-intl';
import { Dialog } from '@/components/ui/Dialog';
import { primaryButton, secondaryButton } from '@/components/ui/button-styles';
import { announce } from '@/lib/portal-client/announce';
import { errorMessageKey } from '@/lib/portal-client/portal-request';
import { usePayInvoice } from '@/lib/portal-client/use-invoice-mutations';

// The card form's code (brand detection, checks) loads when a customer chooses to pay with a new
// card, not with every page that offers to: most who pay use the card they have.
const AddCardForm = lazy(() => import('./AddCardForm').then((m) => ({ default: m.AddCardForm })));

// choices: the saved cards, the one to offer first leading, when there are several to choose from.
// canAddCard: the customer may also pay with a card they add here.
type TProps = { invoiceId: string; amount: string; card: string; choices?: { id: string; label: string }[]; canAddCard?: boolean };

/** "Pay" for one open invoice, charged to the default card it names, the one chosen, or a new one; a decline says why and changes nothing. */
export function PayInvoice({ invoiceId, amount, card, choices = [], canAddCard = false }: TProps) {
  const t = useTranslations('PortalActions');
  const pay = usePayInvoice(invoiceId);
  const [chosen, setChosen] = useState(choices[0]?.id);
  // On the way to the card's bank (3-D Secure): the button stays busy until the page changes.
  const [leaving, setLeaving] = useState(false);
  const [adding, setAdding] = useState(false);
  const selectId = useId();
  const titleId = useId();
  const busy = pay.isPending || leaving;
  const payWith = (paymentMethodId: string | undefined) =>
    pay.mutate(paymentMethodId, { onSuccess: (result) => (result.status === 'paid' ? announce(t('invoicePaid')) : setLeaving(true)) });
  return (
    <div className="flex flex-wrap items-center gap-x-4 gap-y-2">
      <button type="button" className={primaryButton} disabled={busy} aria-busy={busy} onClick={() => payWith(chosen)}>
        {busy ? t('paying') : t('payAmount', { amount })}
      </button>
      {choices.length > 1 ? (
        <span className="flex items-center gap-2 text-sm">
          <label htmlFor={selectId}>{t('payWith')}</label>
          <select id={selectId} value={chosen} onChange={(e) => setChosen(e.target.value)} className="min-h-11 rounded-lg border border-zinc-300 bg-transparent px-3 dark:border-zinc-600">
            {choices.map((choice) => <option key={choice.id} value={choice.id}>{choice.label}</option>)}
          </select>
        </span>
      ) : (
        <span className="text-sm text-zinc-700 dark:text-zinc-300">{card}</span>
      )}
      {canAddCard && (
        <button type="button" className={`${secondaryButton} text-sm`} disabled={busy} onClick={() => setAdding(true)}>
          {t('payWithNewCard')}
        </button>
      )}
      {pay.isError && <p role="alert" className="basis-full text-red-700 dark:text-red-400">{t(errorMessageKey(pay.error))}</p>}
      <Dialog open={adding} onClose={() => setAdding(false)} labelledBy={titleId}>
        <h2 id={titleId} className="mb-4 text-lg font-semibold">{t('payWithNewCard')}</h2>
        {adding && (
          <Suspense fallback={<p aria-busy="true">{t('loadingCardForm')}</p>}>
            <AddCardForm showMakeDefault={false} forInvoice={invoiceId} onDone={() => setAdding(false)} onSaved={payWith} />
          </Suspense>
        )}
      </Dialog>
    </div>
  );
}
