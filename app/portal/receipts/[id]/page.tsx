import { PortalLink } from '@/components/portal/PortalLink';
import { getTranslations } from 'next-intl/server';
import { AmountHeadline } from '@/components/portal/AmountHeadline';
import { DocumentActions } from '@/components/portal/DocumentActions';
import { PaymentStatus } from '@/components/portal/PaymentStatus';
import { PortalFrame } from '@/components/portal/PortalFrame';
import { TotalsList } from '@/components/portal/TotalsList';
import { Money } from '@/components/ui/Money';
import { getPaymentOrThrow } from '@/lib/billing/get-payment-or-throw';
import { issuedTaxSummary } from '@/lib/billing/invoice-math/compute-invoice';
import { totalsRows } from '@/lib/billing/totals-rows';
import { formatDate } from '@/lib/i18n/format-date';
import { formatMoney } from '@/lib/money/format-money';
import { cardBrandName } from '@/lib/payments/card-brand-name';
import { loadOrNotFound } from '@/lib/portal/load-or-not-found';
import { requirePortalContext } from '@/lib/portal/require-portal-context';
import { issuedNumber } from '@/lib/billing/issued-number';
import { lineDescription } from '@/lib/billing/line-description';

// One receipt: what was paid for (the invoice's lines and taxes), how much, when, with which card,
// its state, the invoice it settled and its PDF.
export default async function ReceiptPage({ params }: { params: Promise<{ id: string }> }) {
  const ctx = await requirePortalContext();
  const payment = await loadOrNotFound('payment', (await params).id, (id) => getPaymentOrThrow(ctx.login, id));
  const [t, tDoc] = await Promise.all([getTranslations('Portal'), getTranslations('Pdf')]);
  const { locale } = ctx;
  const { invoice } = payment;
  const paidWith = payment.cardBrand && payment.cardLast4
    ? tDoc('paidWith', { card: t('cardLabel', { brand: cardBrandName(payment.cardBrand), last4: payment.cardLast4 }), date: formatDate(payment.createdAt, locale) })
    : null;

  return (
    <PortalFrame ctx={ctx} current="receipts" title={t('receiptTitle', { number: payment.receiptNumber })}>
      <AmountHeadline badge={<PaymentStatus status={payment.status} />} amount={payment.amount} currency={payment.currency} locale={locale} />
      <p className="mt-2 text-zinc-700 dark:text-zinc-300">{paidWith ?? `${t('paidOn')} ${formatDate(payment.createdAt, locale)}`}</p>
      {payment.amountRefunded > 0n && (
        <p className="mt-1 text-zinc-700 dark:text-zinc-300">
          {t('refundedAmount', {
            partial: payment.amountRefunded < payment.amount ? 'yes' : 'no',
            refunded: formatMoney({ amount: payment.amountRefunded, currency: payment.currency }, locale),
            amount: formatMoney(payment, locale),
          })}
        </p>
      )}
      {invoice && (
        <section aria-labelledby="receipt-items" className="mt-6 rounded-xl border border-zinc-200 dark:border-zinc-800">
          <h2 id="receipt-items" className="flex flex-wrap items-baseline justify-between gap-x-4 p-4 pb-0 text-lg font-semibold">
            {tDoc('items')}
            {ctx.features.invoiceHistory ? (
              <PortalLink className="text-sm font-normal underline underline-offset-4" href={`/portal/invoices/${invoice.id}`}>{t('invoiceTitle', { number: issuedNumber(invoice) })}</PortalLink>
            ) : (
              <span className="text-sm font-normal">{t('invoiceTitle', { number: issuedNumber(invoice) })}</span>
            )}
          </h2>
          <ul className="divide-y divide-zinc-200 dark:divide-zinc-800">
            {invoice.lines.map((line) => (
              <li key={line.id} className="grid grid-cols-[1fr_auto] gap-x-4 p-4">
                <p>
                  {lineDescription(line, tDoc, locale)}
                  <span className="block text-sm text-zinc-600 dark:text-zinc-400">
                    {t('quantityTimesUnit', { quantity: line.quantity, unit: formatMoney({ amount: line.unitAmount, currency: invoice.currency }, locale) })}
                  </span>
                </p>
                <p className="text-end tabular-nums"><Money amount={line.amount} currency={invoice.currency} locale={locale} /></p>
              </li>
            ))}
          </ul>
          <div className="border-t border-zinc-200 p-4 dark:border-zinc-800">
            <TotalsList
              rows={totalsRows({ ...invoice, taxSummary: issuedTaxSummary(invoice.lines) }, tDoc, locale)}
              currency={invoice.currency}
              locale={locale}
              className="ms-auto max-w-sm"
            />
          </div>
        </section>
      )}
      <DocumentActions pdfHref={`/portal/receipts/${payment.id}/pdf`} backHref="/portal/receipts" backLabel={t('backToReceipts')} />
    </PortalFrame>
  );
}
