import { useTranslations } from 'next-intl';
import { formatDate } from '@/lib/i18n/format-date';
import { StatusBadge, type TBadgeTone } from './StatusBadge';

type TStatusOf = { status: string; cancelAtPeriodEnd: boolean; currentPeriodEnd: Date };

const TONE: Record<string, TBadgeTone> = { active: 'good', trialing: 'info', paused: 'attention', canceling: 'attention', past_due: 'bad', unpaid: 'bad' };

/**
 * A subscription's state in one badge, the same on every page: a cancel scheduled for the period's
 * end reads "Cancels on …", not "Active" under a banner that says otherwise.
 */
export function SubscriptionStatus({ subscription, locale }: { subscription: TStatusOf; locale: string }) {
  const t = useTranslations('Portal');
  const canceling = subscription.cancelAtPeriodEnd && subscription.status !== 'canceled';
  const label = canceling ? t('cancelsOn', { date: formatDate(subscription.currentPeriodEnd, locale) }) : t('subscriptionStatus', { status: subscription.status });
  return <StatusBadge label={label} tone={TONE[canceling ? 'canceling' : subscription.status] ?? 'neutral'} />;
}
