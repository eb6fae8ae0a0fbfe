import { redirect } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { AddCardForm } from '@/components/portal/AddCardForm';
import { CardList } from '@/components/portal/CardList';
import { PortalFrame } from '@/components/portal/PortalFrame';
import { ActionsProvider } from '@/components/portal/ActionsProvider';
import { listPaymentMethods } from '@/lib/billing/list-payment-methods';
import { requirePortalContext } from '@/lib/portal/require-portal-context';

// The payment-method flow: add a card (it becomes the default) and go back to the merchant.
type TSearch = { searchParams: Promise<{ authentication?: string | string[] }> };

export default async function PaymentMethodFlowPage({ searchParams }: TSearch) {
  const ctx = await requirePortalContext();
  if (ctx.login.session.flowType !== 'payment_method_update') redirect('/portal');
  const t = await getTranslations('Portal');
  return (
    <PortalFrame ctx={ctx} title={t('flowPaymentMethodTitle')} authentication={(await searchParams).authentication}>
      <ActionsProvider>
        <CardList cards={await listPaymentMethods(ctx.login)} manageable={false} />
        <div className="mt-6 max-w-lg">
          <AddCardForm showMakeDefault={false} />
        </div>
      </ActionsProvider>
    </PortalFrame>
  );
}
