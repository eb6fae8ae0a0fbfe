import { getTranslations } from 'next-intl/server';
import { formatDate } from '@/lib/i18n/format-date';

type TStatusOf = { status: string; cancelAtPeriodEnd: boolean; currentPeriodEnd: Date };

const TONE: Record<string, string> = {
  active: 'bg-emerald-50 text-emerald-800 ring-emerald-600/30 dark:bg-emerald-950 dark:text-emerald-200',
  trialing: 'bg-sky-50 text-sky-900 ring-sky-600/30 dark:bg-sky-950 dark:text-sky-200',
  canceling: 'bg-amber-50 text-amber-900 ring-amber-600/30 dark:bg-amber-950 dark:text-amber-200',
  past_due: 'bg-red-50 text-red-800 ring-red-600/30 dark:bg-red-950 dark:text-red-200',
};

/**
 * A subscription's state in one badge, the same on every page: a cancel scheduled for the period's
 * end reads "Cancels on …", not "Active" under a banner that says otherwise.
 */
export async function SubscriptionStatus({ subscription, locale }: { subscription: TStatusOf; locale: string }) {
  const t = await getTranslations('Portal');
  const canceling = subscription.cancelAtPeriodEnd && subscription.status !== 'canceled';
  const label = canceling ? t('cancelsOn', { date: formatDate(subscription.currentPeriodEnd, locale) }) : t('subscriptionStatus', { status: subscription.status });
  const tone = TONE[canceling ? 'canceling' : subscription.status] ?? 'bg-zinc-100 text-zinc-700 ring-zinc-500/30 dark:bg-zinc-800 dark:text-zinc-200';
  return <span className={`inline-flex rounded-md px-2 py-0.5 text-xs font-medium ring-1 ring-inset ${tone}`}>{label}</span>;
}
