import { getTranslations } from 'next-intl/server';
import { StatusBadge, type TBadgeTone } from './StatusBadge';

const TONE: Record<string, TBadgeTone> = { paid: 'good', open: 'attention' };

export async function InvoiceStatus({ status }: { status: string }) {
  const t = await getTranslations('Portal');
  return <StatusBadge label={t('invoiceStatus', { status })} tone={TONE[status] ?? 'neutral'} />;
}
