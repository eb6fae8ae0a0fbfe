import { PortalLink } from '@/components/portal/PortalLink';
import { getTranslations } from 'next-intl/server';
import type { PaymentMethod } from '@/lib/db/generated/client';
import type { TPortalFeatures } from '@/lib/portal/get-portal-context';
import { formatMoney } from '@/lib/money/format-money';
import { cardBrandName } from '@/lib/payments/card-brand-name';
import { ActionsProvider } from './ActionsProvider';
import { PayInvoice } from './PayInvoice';
import { amountDue } from '@/lib/billing/amount-due';

type TOpenInvoice = { id: string; total: bigint; amountPaid: bigint; currency: string };

/**
 * How the customer pays an open invoice here: "Pay" with the default card (or, given the saved
 * `cards`, with the one they choose), or the way to add one.
 */
// preferred: the card to offer first (one just saved to pay this invoice), if it is among `cards`.
type TProps = { invoice: TOpenInvoice; defaultCard: PaymentMethod | null; cards?: PaymentMethod[]; preferred?: string; features: TPortalFeatures; locale: string };

export async function InvoicePayment({ invoice, defaultCard, cards = [], preferred, features, locale }: TProps) {
  if (!features.invoicePayment) return null;
  const t = await getTranslations('Portal');
  if (!defaultCard) {
    return features.paymentMethodUpdate ? (
      <p className="text-sm"><PortalLink className="font-medium underline underline-offset-4" href="/portal/payment-method">{t('addCardToPay')}</PortalLink></p>
    ) : null;
  }
  return (
    <ActionsProvider>
      <PayInvoice
        invoiceId={invoice.id}
        amount={formatMoney({ amount: amountDue(invoice), currency: invoice.currency }, locale)}
        card={t('chargedTo', { card: t('cardLabel', { brand: cardBrandName(defaultCard.cardBrand), last4: defaultCard.cardLast4 }) })}
        choices={cards.length > 1 ? firstOf(cards, cards.find((c) => c.id === preferred) ?? defaultCard).map((c) => ({ id: c.id, label: t('cardLabel', { brand: cardBrandName(c.cardBrand), last4: c.cardLast4 }) })) : []}
        canAddCard={features.paymentMethodUpdate}
      />
    </ActionsProvider>
  );
}

const firstOf = (cards: PaymentMethod[], first: PaymentMethod) => [first, ...cards.filter((c) => c.id !== first.id)];
