'use client';

import { useId, useState } from 'react';
import { useTranslations } from 'next-intl';
import { Dialog } from '@/components/ui/Dialog';
import { primaryButton } from '@/components/ui/button-styles';
import { announce } from '@/lib/portal-client/announce';
import { AddCardForm } from './AddCardForm';

// "Add a card" opens the form in a dialog; the page's status line announces the result.
export function AddCard({ hasCards }: { hasCards: boolean }) {
  const t = useTranslations('PortalActions');
  const [open, setOpen] = useState(false);
  const titleId = useId();
  return (
    <div>
      <button type="button" className={primaryButton} onClick={() => setOpen(true)}>
        {t('addCard')}
      </button>
      <Dialog open={open} onClose={() => setOpen(false)} labelledBy={titleId}>
        <h2 id={titleId} className="mb-4 text-lg font-semibold">{t('addCardTitle')}</h2>
        {open && <AddCardForm showMakeDefault={hasCards} onDone={() => setOpen(false)} onSaved={() => announce(t('cardSaved'))} />}
      </Dialog>
    </div>
  );
}
