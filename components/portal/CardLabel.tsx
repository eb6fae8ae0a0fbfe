import { getTranslations } from 'next-intl/server';
import { cardBrandName } from '@/lib/payments/card-brand-name';

export async function CardLabel({ brand, last4 }: { brand: string; last4: string }) {
  const t = await getTranslations('Portal');
  return <>{t('cardLabel', { brand: cardBrandName(brand), last4 })}</>;
}
