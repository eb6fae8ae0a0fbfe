import { redirect } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { AddCard } from '@/components/portal/AddCard';
import { CardList } from '@/components/portal/CardList';
import { PortalFrame } from '@/components/portal/PortalFrame';
import { ActionsProvider } from '@/components/portal/ActionsProvider';
import { listPaymentMethods } from '@/lib/billing/list-payment-methods';
import { requirePortalContext } from '@/lib/portal/require-portal-context';

// The customer's saved cards: add one, make one the default, remove one.
type TSearch = { searchParams: Promise<{ authentication?: string | string[] }> };

export default async function PaymentMethodPage({ searchParams }: TSearch) {
  const ctx = await requirePortalContext();
  if (!ctx.features.paymentMethodUpdate) redirect('/portal');
  const t = await getTranslations('Portal');
  const cards = await listPaymentMethods(ctx.login);
  return (
    <PortalFrame ctx={ctx} current="payment-method" title={t('tabs.payment-method')} authentication={(await searchParams).authentication}>
      <ActionsProvider>
        <h2 className="sr-only">{t('savedCards')}</h2>
        <CardList cards={cards} manageable />
        <div className="mt-6">
          <AddCard hasCards={cards.length > 0} />
        </div>
      </ActionsProvider>
    </PortalFrame>
  );
}
