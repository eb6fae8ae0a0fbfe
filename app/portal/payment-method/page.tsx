import { redirect } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { CardList } from '@/components/portal/CardList';
import { PortalFrame } from '@/components/portal/PortalFrame';
import { listPaymentMethods } from '@/lib/billing/list-payment-methods';
import { requirePortalContext } from '@/lib/portal/require-portal-context';

// The customer's saved cards.
export default async function PaymentMethodPage() {
  const ctx = await requirePortalContext();
  if (!ctx.features.paymentMethodUpdate) redirect('/portal');
  const t = await getTranslations('Portal');
  return (
    <PortalFrame ctx={ctx} current="payment-method" title={t('tabs.payment-method')}>
      <h2 className="sr-only">{t('savedCards')}</h2>
      <CardList cards={await listPaymentMethods(ctx.login)} />
    </PortalFrame>
  );
}
