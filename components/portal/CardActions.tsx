'use client';

import { useId, useState } from 'react';
import { useTranslations } from 'next-intl';
import { Dialog } from '@/components/ui/Dialog';
import { dangerButton, secondaryButton } from '@/components/ui/button-styles';
import { announce } from '@/lib/portal-client/announce';
import { errorMessageKey } from '@/lib/portal-client/portal-request';
import { useRemovePaymentMethod, useSetDefaultPaymentMethod } from '@/lib/portal-client/use-payment-method-mutations';

// "Make default" and "Remove" for one saved card that is not the default.
export function CardActions({ paymentMethodId, label }: { paymentMethodId: string; label: string }) {
  const t = useTranslations('PortalActions');
  const setDefault = useSetDefaultPaymentMethod();
  const remove = useRemovePaymentMethod();
  const [confirming, setConfirming] = useState(false);
  const titleId = useId();
  const error = setDefault.error ?? remove.error;
  const small = 'min-h-9 px-3 text-sm';

  return (
    <div className="flex flex-wrap items-center gap-2">
      {/* The name starts with the visible words (WCAG 2.5.3, label in name) and says which card. */}
      <button type="button" className={`${secondaryButton} ${small}`} disabled={setDefault.isPending} onClick={() => setDefault.mutate(paymentMethodId, { onSuccess: () => announce(t('defaultChanged')) })}>
        {t('setDefault')}
        <span className="sr-only"> ({label})</span>
      </button>
      <button type="button" className={`${secondaryButton} ${small}`} onClick={() => setConfirming(true)}>
        {t('remove')}
        <span className="sr-only"> ({label})</span>
      </button>
      {error && !confirming && <p role="alert" className="basis-full text-sm text-red-700 dark:text-red-400">{t(errorMessageKey(error))}</p>}
      <Dialog open={confirming} onClose={() => setConfirming(false)} labelledBy={titleId}>
        <h2 id={titleId} className="text-lg font-semibold">{t('removeConfirm', { card: label })}</h2>
        {remove.isError && <p role="alert" className="mt-3 text-red-700 dark:text-red-400">{t(errorMessageKey(remove.error))}</p>}
        <div className="mt-5 flex flex-wrap justify-end gap-3">
          <button type="button" className={secondaryButton} onClick={() => setConfirming(false)}>{t('cancel')}</button>
          <button
            type="button"
            className={dangerButton}
            disabled={remove.isPending}
            onClick={() => remove.mutate(paymentMethodId, { onSuccess: () => { setConfirming(false); announce(t('removed')); } })}
          >
            {t('remove')}
          </button>
        </div>
      </Dialog>
    </div>
  );
}
