import { useTranslations } from 'next-intl';
import { StatusBadge } from './StatusBadge';
import { shownPaymentStatus } from './shown-status';

export function PaymentStatus({ status }: { status: string }) {
  return <StatusBadge {...shownPaymentStatus(useTranslations('Portal'), status)} />;
}
