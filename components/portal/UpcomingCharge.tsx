import { getTranslations } from 'next-intl/server';
import { renewalCharge, type TRenewableSubscription } from '@/lib/billing/renewal-charge';
import { formatDate } from '@/lib/i18n/format-date';
import { formatMoney } from '@/lib/money/format-money';
import { NextChargeBreakdown } from './NextChargeBreakdown';

/**
 * What happens at the end of the period: the access ends, nothing is charged while payments are
 * paused, or the next charge, computed by the function the engine charges with. A pause that ends
 * by the period's end lets that renewal through, so it shows the charge too.
 */
export async function UpcomingCharge({ subscription, locale, className: text = 'text-sm text-zinc-700 dark:text-zinc-300' }: { subscription: TRenewableSubscription; locale: string; className?: string }) {
  const t = await getTranslations('Portal');
  if (subscription.cancelAtPeriodEnd) return <p className={text}>{t('endsOn', { date: formatDate(subscription.currentPeriodEnd, locale) })}</p>;
  const resumesAt = subscription.status === 'paused' ? subscription.pauseResumesAt : null;
  const pause = subscription.status === 'paused' && (
    <p className={text}>{resumesAt ? t('pausedUntil', { date: formatDate(resumesAt, locale) }) : t('pausedIndefinitely')}</p>
  );
  if (pause && !(resumesAt && resumesAt <= subscription.currentPeriodEnd)) return pause;
  const charge = renewalCharge(subscription);
  return (
    <>
      {pause}
      <p className={text}>{t('nextCharge', { amount: formatMoney({ amount: charge.amountDue, currency: charge.currency }, locale), date: formatDate(charge.date, locale) })}</p>
      <NextChargeBreakdown charge={charge} locale={locale} />
    </>
  );
}
