import { redirect } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { AddCardForm } from '@/components/portal/AddCardForm';
import { AmountHeadline } from '@/components/portal/AmountHeadline';
import { InvoicePayment } from '@/components/portal/InvoicePayment';
import { InvoiceStatus } from '@/components/portal/InvoiceStatus';
import { PortalFrame } from '@/components/portal/PortalFrame';
import { ActionsProvider } from '@/components/portal/ActionsProvider';
import { TotalsList } from '@/components/portal/TotalsList';
import { Money } from '@/components/ui/Money';
import { issuedTaxSummary } from '@/lib/billing/invoice-math/compute-invoice';
import { totalsRows } from '@/lib/billing/totals-rows';
import { listPaymentMethods } from '@/lib/billing/list-payment-methods';
import { getInvoiceOrThrow } from '@/lib/billing/get-invoice-or-throw';
import { issuedNumber } from '@/lib/billing/issued-number';
import { formatDate } from '@/lib/i18n/format-date';
import { loadOrNotFound } from '@/lib/portal/load-or-not-found';
import { requirePortalContext } from '@/lib/portal/require-portal-context';
import { amountDue } from '@/lib/billing/amount-due';
import { lineDescription } from '@/lib/billing/line-description';

// The invoice-payment flow: the invoice named at creation and its "Pay"; a card may be added first.
// Paid, the customer goes back to the merchant.
type TSearch = { searchParams: Promise<{ authentication?: string | string[]; payWith?: string | string[] }> };

export default async function PayFlowPage({ searchParams }: TSearch) {
  const ctx = await requirePortalContext();
  const { flowType, flowInvoiceId } = ctx.login.session;
  if (flowType !== 'invoice_payment' || !flowInvoiceId) redirect('/portal');
  const [invoice, cards, t, tPay, tDoc] = await Promise.all([
    loadOrNotFound('invoice', flowInvoiceId, (id) => getInvoiceOrThrow(ctx.login, id)),
    listPaymentMethods(ctx.login),
    getTranslations('Portal'),
    getTranslations('PortalActions'),
    getTranslations('Pdf'),
  ]);
  const { locale } = ctx;
  const { authentication, payWith } = await searchParams;
  const defaultCard = cards.find((card) => card.isDefault) ?? null;
  return (
    <PortalFrame ctx={ctx} title={t('invoiceTitle', { number: issuedNumber(invoice) })} authentication={authentication}>
      <AmountHeadline badge={<InvoiceStatus status={invoice.status} />} amount={amountDue(invoice)} currency={invoice.currency} locale={locale} />
      {invoice.dueAt && invoice.status === 'open' && <p className="mt-2 text-sm text-zinc-700 dark:text-zinc-300">{t('dueOn', { date: formatDate(invoice.dueAt, locale) })}</p>}
      <ul className="mt-4 max-w-lg divide-y divide-zinc-200 rounded-xl border border-zinc-200 dark:divide-zinc-800 dark:border-zinc-800">
        {invoice.lines.map((line) => (
          <li key={line.id} className="flex justify-between gap-4 p-4">
            <span>{lineDescription(line, tDoc, locale)}</span>
            <Money amount={line.amount} currency={invoice.currency} locale={locale} />
          </li>
        ))}
        <li className="p-4">
          <TotalsList rows={totalsRows({ ...invoice, taxSummary: issuedTaxSummary(invoice.lines) }, tDoc, locale)} currency={invoice.currency} locale={locale} />
        </li>
      </ul>
      <div className="mt-6 max-w-lg">
        {invoice.status !== 'open' ? (
          invoice.status === 'paid' && <p>{tPay('invoicePaid')}</p>
        ) : defaultCard ? (
          <InvoicePayment invoice={invoice} defaultCard={defaultCard} cards={cards} preferred={typeof payWith === 'string' ? payWith : undefined} features={ctx.features} locale={locale} />
        ) : (
          ctx.features.paymentMethodUpdate && (
            <ActionsProvider>
              <p className="mb-4">{t('addCardToPay')}</p>
              <AddCardForm showMakeDefault={false} />
            </ActionsProvider>
          )
        )}
      </div>
    </PortalFrame>
  );
}
