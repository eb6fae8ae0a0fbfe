import { useTranslations } from 'next-intl';
import { StatusBadge, type TBadgeTone } from './StatusBadge';

const TONE: Record<string, TBadgeTone> = { paid: 'good', open: 'attention' };

export function InvoiceStatus({ status }: { status: string }) {
  const t = useTranslations('Portal');
  return <StatusBadge label={t('invoiceStatus', { status })} tone={TONE[status] ?? 'neutral'} />;
}
