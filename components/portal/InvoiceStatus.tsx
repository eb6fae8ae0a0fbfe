import { useTranslations } from 'next-intl';
import { StatusBadge } from './StatusBadge';
import { invoiceStatusTone } from './status-tones';

export function InvoiceStatus({ status }: { status: string }) {
  const t = useTranslations('Portal');
  return <StatusBadge label={t('invoiceStatus', { status })} tone={invoiceStatusTone(status)} />;
}
