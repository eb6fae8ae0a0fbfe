import { getTranslations } from 'next-intl/server';
import { formatDate } from '@/lib/i18n/format-date';
import { formatMoney } from '@/lib/money/format-money';
import { asRenewed, planOf, type TRenewableSubscription } from '@/lib/billing/renewal-charge';
import { SubscriptionStatus } from './SubscriptionStatus';
import { UpcomingCharge } from './UpcomingCharge';

export async function SubscriptionSummary({ subscription, locale }: { subscription: TRenewableSubscription; locale: string }) {
  const t = await getTranslations('Portal');
  const plan = planOf(subscription);
  const amount = formatMoney(plan, locale);
  const row = 'flex flex-wrap justify-between gap-x-4 gap-y-1 py-3';
  return (
    <dl className="divide-y divide-zinc-200 rounded-xl border border-zinc-200 px-5 dark:divide-zinc-800 dark:border-zinc-800">
      <div className={row}><dt className="text-zinc-600 dark:text-zinc-400">{t('currentPlan')}</dt><dd className="font-medium">{plan.name}</dd></div>
      <div className={row}><dt className="text-zinc-600 dark:text-zinc-400">{t('status')}</dt><dd><SubscriptionStatus subscription={subscription} locale={locale} /></dd></div>
      <div className={row}><dt className="text-zinc-600 dark:text-zinc-400">{t('price')}</dt><dd className="tabular-nums">{t('perInterval', { amount, interval: plan.interval })}</dd></div>
      <div className={row}>
        <dt className="text-zinc-600 dark:text-zinc-400">{t('currentPeriod')}</dt>
        <dd>{t('periodRange', { start: formatDate(subscription.currentPeriodStart, locale), end: formatDate(subscription.currentPeriodEnd, locale) })}</dd>
      </div>
      {subscription.scheduledPrice && <ScheduledChange subscription={subscription} locale={locale} />}
      <div className={row}>
        <dt className="text-zinc-600 dark:text-zinc-400">{subscription.cancelAtPeriodEnd ? t('accessEndsLabel') : t('nextChargeLabel')}</dt>
        <dd><UpcomingCharge subscription={subscription} locale={locale} className="" /></dd>
      </div>
    </dl>
  );
}

/** A plan change waiting for the period's end: to what, and when. */
async function ScheduledChange({ subscription, locale }: { subscription: TRenewableSubscription; locale: string }) {
  const t = await getTranslations('PlanChange');
  const tPortal = await getTranslations('Portal');
  const plan = planOf(asRenewed(subscription));
  const amount = tPortal('perInterval', { amount: formatMoney(plan, locale), interval: plan.interval });
  return (
    <div className="flex flex-wrap justify-between gap-x-4 gap-y-1 py-3">
      <dt className="text-zinc-600 dark:text-zinc-400">{t('scheduledChange')}</dt>
      <dd>{t('changesTo', { plan: plan.name, amount, date: formatDate(subscription.currentPeriodEnd, locale) })}</dd>
    </div>
  );
}
