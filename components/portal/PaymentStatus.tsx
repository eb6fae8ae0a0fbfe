import { getTranslations } from 'next-intl/server';
import { StatusBadge, type TBadgeTone } from './StatusBadge';

const TONE: Record<string, TBadgeTone> = { succeeded: 'good', pending: 'info', failed: 'bad' };

export async function PaymentStatus({ status }: { status: string }) {
  const t = await getTranslations('Portal');
  return <StatusBadge label={t('paymentStatus', { status })} tone={TONE[status] ?? 'neutral'} />;
}
