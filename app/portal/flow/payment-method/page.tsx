import { redirect } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { CardList } from '@/components/portal/CardList';
import { PortalFrame } from '@/components/portal/PortalFrame';
import { listPaymentMethods } from '@/lib/billing/list-payment-methods';
import { requirePortalContext } from '@/lib/portal/require-portal-context';

// The payment-method flow: this one task, without the portal's other sections.
export default async function PaymentMethodFlowPage() {
  const ctx = await requirePortalContext();
  if (ctx.login.session.flowType !== 'payment_method_update') redirect('/portal');
  const t = await getTranslations('Portal');
  return (
    <PortalFrame ctx={ctx} title={t('flowPaymentMethodTitle')}>
      <CardList cards={await listPaymentMethods(ctx.login)} />
    </PortalFrame>
  );
}
