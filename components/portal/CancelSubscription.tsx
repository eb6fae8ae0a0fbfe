'use client';

import { useId, useState } from 'react';
import { useTranslations } from 'next-intl';
import { Dialog } from '@/components/ui/Dialog';
import { dangerButton, secondaryButton } from '@/components/ui/button-styles';
import { announce } from '@/lib/portal-client/announce';
import { errorMessageKey } from '@/lib/portal-client/portal-request';
import { useAcceptRetentionOffer, useCancelSubscription, usePauseSubscription } from '@/lib/portal-client/use-subscription-mutations';

// pauseMaxPeriods: pausing for 1 to that many periods of `interval` is offered instead (0: not offered).
// retentionOffer: the merchant's offer to stay, in words ("20 % off for the next 3 months"), if any.
type TProps = {
  subscriptionId: string;
  mode: 'at_period_end' | 'immediately';
  reasons: string[];
  accessEndsOn: string;
  today: string;
  startOpen?: boolean;
  pauseMaxPeriods?: number;
  interval?: string;
  retentionOffer?: string | null;
};

// Cancel with a confirmation that names the exact day access ends, an optional reason and comment.
export function CancelSubscription({ subscriptionId, mode, reasons, accessEndsOn, today, startOpen = false, pauseMaxPeriods = 0, interval = 'other', retentionOffer = null }: TProps) {
  const t = useTranslations('PortalActions');
  const [open, setOpen] = useState(startOpen);
  const [reason, setReason] = useState<string>();
  const [comment, setComment] = useState('');
  const cancel = useCancelSubscription(subscriptionId);
  const pause = usePauseSubscription(subscriptionId);
  const stay = useAcceptRetentionOffer(subscriptionId);
  const [periods, setPeriods] = useState(1);
  const titleId = useId();
  const errorId = useId();

  return (
    <>
      <button type="button" className={secondaryButton} onClick={() => setOpen(true)}>
        {t('cancelSubscription')}
      </button>
      <Dialog open={open} onClose={() => setOpen(false)} labelledBy={titleId}>
        <form
          onSubmit={(event) => {
            event.preventDefault();
            cancel.mutate(
              { reason, comment: comment.trim() || undefined },
              { onSuccess: () => announce(mode === 'immediately' ? t('canceledNow') : t('canceledAtPeriodEnd', { date: accessEndsOn })) },
            );
          }}
          aria-describedby={cancel.isError ? errorId : undefined}
        >
          <h2 id={titleId} className="text-lg font-semibold">{t('cancelDialogTitle')}</h2>
          <p className="mt-2 text-zinc-700 dark:text-zinc-300">
            {mode === 'immediately' ? t('cancelImmediatelyBody', { date: today, paidUntil: accessEndsOn }) : t('cancelAtPeriodEndBody', { date: accessEndsOn })}
          </p>
          {retentionOffer && (
            <fieldset className="mt-4 rounded-lg border border-zinc-300 p-3 dark:border-zinc-600">
              {/* Floated, a legend wraps inside the box instead of across its top border. */}
              <legend className="float-start w-full font-medium">{t('retentionLegend')}</legend>
              <p className="clear-start pt-1 text-zinc-700 dark:text-zinc-300">{retentionOffer}</p>
              <button
                type="button"
                className={`${secondaryButton} mt-2`}
                disabled={stay.isPending}
                aria-busy={stay.isPending}
                onClick={() => stay.mutate(undefined, { onSuccess: () => { setOpen(false); announce(t('retentionAccepted')); } })}
              >
                {stay.isPending ? t('retentionAccepting') : t('retentionAccept')}
              </button>
              {stay.isError && <p role="alert" className="mt-2 text-red-700 dark:text-red-400">{t(errorMessageKey(stay.error))}</p>}
            </fieldset>
          )}
          {pauseMaxPeriods > 0 && (
            <fieldset className="mt-4 rounded-lg border border-zinc-300 p-3 dark:border-zinc-600">
              <legend className="float-start w-full font-medium">{t('pauseInsteadLegend')}</legend>
              <p className="clear-start pt-1 text-sm text-zinc-700 dark:text-zinc-300">{t('pauseInsteadBody')}</p>
              <div className="mt-2 flex flex-wrap items-end gap-3">
                <label className="grid text-sm font-medium">
                  {t('pauseLength')}
                  <select value={periods} onChange={(e) => setPeriods(Number(e.target.value))} className="mt-1 min-h-11 rounded-lg border border-zinc-300 bg-transparent px-3 dark:border-zinc-600">
                    {Array.from({ length: pauseMaxPeriods }, (_, n) => <option key={n} value={n + 1}>{t('pauseFor', { count: n + 1, interval })}</option>)}
                  </select>
                </label>
                <button
                  type="button"
                  className={secondaryButton}
                  disabled={pause.isPending}
                  aria-busy={pause.isPending}
                  onClick={() => pause.mutate(periods, { onSuccess: () => { setOpen(false); announce(t('pausedAnnounce')); } })}
                >
                  {pause.isPending ? t('pausing') : t('pauseInstead')}
                </button>
              </div>
              {pause.isError && <p role="alert" className="mt-2 text-red-700 dark:text-red-400">{t(errorMessageKey(pause.error))}</p>}
            </fieldset>
          )}
          {reasons.length > 0 && (
            <fieldset className="mt-4">
              <legend className="font-medium">{t('reasonLegend')}</legend>
              <div className="mt-2 grid gap-1">
                {reasons.map((r) => (
                  <label key={r} className="flex min-h-8 items-start gap-2 py-1">
                    {/* A fixed size beside a label that wraps: the radio neither shrinks nor drifts. */}
                    <input type="radio" name="reason" value={r} checked={reason === r} onChange={() => setReason(r)} className="mt-1 size-4 shrink-0" />
                    {t.has(`reasons.${r}`) ? t(`reasons.${r}`) : r}
                  </label>
                ))}
              </div>
            </fieldset>
          )}
          <label className="mt-4 block font-medium" htmlFor={`${titleId}-comment`}>{t('commentLabel')}</label>
          <textarea
            id={`${titleId}-comment`}
            value={comment}
            onChange={(e) => setComment(e.target.value)}
            maxLength={1000}
            rows={3}
            className="mt-1 w-full rounded-lg border border-zinc-300 bg-transparent p-2 dark:border-zinc-600"
          />
          {cancel.isError && (
            <p id={errorId} role="alert" className="mt-3 text-red-700 dark:text-red-400">{t(errorMessageKey(cancel.error))}</p>
          )}
          <div className="mt-5 flex flex-wrap justify-end gap-3">
            <button type="button" className={secondaryButton} onClick={() => setOpen(false)}>{t('keepSubscription')}</button>
            <button type="submit" className={dangerButton} disabled={cancel.isPending} aria-busy={cancel.isPending}>
              {cancel.isPending ? t('canceling') : t('confirmCancel')}
            </button>
          </div>
        </form>
      </Dialog>
    </>
  );
}
