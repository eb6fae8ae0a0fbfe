import { useTranslations } from 'next-intl';
import { StatusBadge, type TBadgeTone } from './StatusBadge';

const TONE: Record<string, TBadgeTone> = { succeeded: 'good', pending: 'info', failed: 'bad' };

export function PaymentStatus({ status }: { status: string }) {
  const t = useTranslations('Portal');
  return <StatusBadge label={t('paymentStatus', { status })} tone={TONE[status] ?? 'neutral'} />;
}
