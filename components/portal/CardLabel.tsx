import { useTranslations } from 'next-intl';
import { cardBrandName } from '@/lib/payments/card-brand-name';

export function CardLabel({ brand, last4 }: { brand: string; last4: string }) {
  const t = useTranslations('Portal');
  return <>{t('cardLabel', { brand: cardBrandName(brand), last4 })}</>;
}
