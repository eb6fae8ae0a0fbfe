import { getTranslations } from 'next-intl/server';

const BRANDS: Record<string, string> = { visa: 'Visa', mastercard: 'Mastercard', amex: 'American Express', discover: 'Discover', jcb: 'JCB', unionpay: 'UnionPay', diners: 'Diners Club' };

export function brandName(brand: string): string {
  return BRANDS[brand] ?? brand;
}

export async function CardLabel({ brand, last4 }: { brand: string; last4: string }) {
  const t = await getTranslations('Portal');
  return <>{t('cardLabel', { brand: brandName(brand), last4 })}</>;
}
