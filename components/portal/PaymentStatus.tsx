import { useTranslations } from 'next-intl';
import { StatusBadge } from './StatusBadge';
import { paymentStatusTone } from './status-tones';

export function PaymentStatus({ status }: { status: string }) {
  const t = useTranslations('Portal');
  return <StatusBadge label={t('paymentStatus', { status })} tone={paymentStatusTone(status)} />;
}
