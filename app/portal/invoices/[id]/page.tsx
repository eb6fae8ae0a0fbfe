import { PortalLink } from '@/components/portal/PortalLink';
import { redirect } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { AmountHeadline } from '@/components/portal/AmountHeadline';
import { DocumentActions } from '@/components/portal/DocumentActions';
import { CardLabel } from '@/components/portal/CardLabel';
import { InvoicePayment } from '@/components/portal/InvoicePayment';
import { InvoiceStatus } from '@/components/portal/InvoiceStatus';
import { PortalFrame } from '@/components/portal/PortalFrame';
import { TotalsList } from '@/components/portal/TotalsList';
import { Money } from '@/components/ui/Money';
import { listPaymentMethods } from '@/lib/billing/list-payment-methods';
import { getInvoiceOrThrow } from '@/lib/billing/get-invoice-or-throw';
import { issuedTaxSummary } from '@/lib/billing/invoice-math/compute-invoice';
import { totalsRows } from '@/lib/billing/totals-rows';
import { formatDate } from '@/lib/i18n/format-date';
import { formatMoney } from '@/lib/money/format-money';
import { loadOrNotFound } from '@/lib/portal/load-or-not-found';
import { requirePortalContext } from '@/lib/portal/require-portal-context';
import { issuedNumber } from '@/lib/billing/issued-number';
import { lineDescription } from '@/lib/billing/line-description';

// One invoice as the customer reads it: its state, lines, discount and tax per rate, the payments
// that settled it (each opening its receipt) and the PDF.
type TSearch = { searchParams: Promise<{ authentication?: string | string[]; payWith?: string | string[] }> };

export default async function InvoicePage({ params, searchParams }: TSearch & { params: Promise<{ id: string }> }) {
  const ctx = await requirePortalContext();
  if (!ctx.features.invoiceHistory) redirect('/portal');
  const invoice = await loadOrNotFound('invoice', (await params).id, (id) => getInvoiceOrThrow(ctx.login, id));
  const { authentication, payWith } = await searchParams;
  const payable = invoice.status === 'open' && ctx.features.invoicePayment;
  const [t, tDoc, cards] = await Promise.all([getTranslations('Portal'), getTranslations('Pdf'), payable ? listPaymentMethods(ctx.login) : []]);
  const { locale } = ctx;
  const date = (d: Date) => formatDate(d, locale);
  const money = (amount: bigint) => formatMoney({ amount, currency: invoice.currency }, locale);
  const taxSummary = issuedTaxSummary(invoice.lines);
  const facts: [string, string][] = [
    [tDoc('issued'), date(invoice.issuedAt)],
    ...(invoice.status === 'open' && invoice.dueAt ? [[tDoc('due'), date(invoice.dueAt)] as [string, string]] : []),
    ...(invoice.paidAt ? [[tDoc('paid'), date(invoice.paidAt)] as [string, string]] : []),
    ...(invoice.periodStart && invoice.periodEnd ? [[tDoc('period'), t('periodRange', { start: date(invoice.periodStart), end: date(invoice.periodEnd) })] as [string, string]] : []),
  ];
  const box = 'rounded-xl border border-zinc-200 dark:border-zinc-800';

  return (
    <PortalFrame ctx={ctx} current="invoices" title={t('invoiceTitle', { number: issuedNumber(invoice) })} authentication={authentication}>
      <AmountHeadline badge={<InvoiceStatus status={invoice.status} />} amount={invoice.total} currency={invoice.currency} locale={locale} />
      <dl className="mt-4 grid grid-cols-[auto_1fr] gap-x-6 gap-y-1 text-sm">
        {facts.map(([label, value]) => (
          <div key={label} className="contents">
            <dt className="text-zinc-600 dark:text-zinc-400">{label}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
      {payable && (
        <div className="mt-4">
          <InvoicePayment invoice={invoice} defaultCard={cards.find((card) => card.isDefault) ?? null} cards={cards} preferred={typeof payWith === 'string' ? payWith : undefined} features={ctx.features} locale={locale} />
        </div>
      )}

      <section aria-labelledby="invoice-items" className={`mt-6 ${box}`}>
        <h2 id="invoice-items" className="sr-only">{tDoc('items')}</h2>
        <ul className="divide-y divide-zinc-200 dark:divide-zinc-800">
          {invoice.lines.map((line) => (
            <li key={line.id} className="grid grid-cols-[1fr_auto] gap-x-4 gap-y-1 p-4">
              <p className="font-medium">{lineDescription(line, tDoc, locale)}</p>
              <p className="text-end font-medium tabular-nums"><Money amount={line.amount} currency={invoice.currency} locale={locale} /></p>
              <p className="text-sm text-zinc-600 dark:text-zinc-400">
                {t('quantityTimesUnit', { quantity: line.quantity, unit: money(line.unitAmount) })}
                {line.periodStart && line.periodEnd && <> · {t('periodRange', { start: date(line.periodStart), end: date(line.periodEnd) })}</>}
              </p>
            </li>
          ))}
        </ul>
        <div className="border-t border-zinc-200 p-4 dark:border-zinc-800">
          <TotalsList
            rows={totalsRows({ ...invoice, taxSummary, amountPaid: invoice.amountPaid }, tDoc, locale)}
            currency={invoice.currency}
            locale={locale}
            className="ms-auto max-w-sm"
          />
        </div>
      </section>

      <section aria-labelledby="invoice-payments" className="mt-6">
        <h2 id="invoice-payments" className="text-lg font-semibold">{tDoc('payments')}</h2>
        {invoice.payments.length === 0 ? (
          <p className="mt-2 text-zinc-700 dark:text-zinc-300">{t('noReceipts')}</p>
        ) : (
          <ul className={`mt-2 divide-y divide-zinc-200 dark:divide-zinc-800 ${box}`}>
            {invoice.payments.map((payment) => (
              <li key={payment.id} className="grid grid-cols-[1fr_auto] gap-x-4 gap-y-1 p-4">
                <PortalLink className="font-medium underline underline-offset-4" href={`/portal/receipts/${payment.id}`}>{payment.receiptNumber}</PortalLink>
                <p className="text-end tabular-nums"><Money amount={payment.amount} currency={payment.currency} locale={locale} /></p>
                <p className="text-sm text-zinc-600 dark:text-zinc-400">
                  {date(payment.createdAt)}
                  {payment.cardBrand && payment.cardLast4 && <> · <CardLabel brand={payment.cardBrand} last4={payment.cardLast4} /></>}
                </p>
              </li>
            ))}
          </ul>
        )}
      </section>

      <DocumentActions pdfHref={`/portal/invoices/${invoice.id}/pdf`} backHref="/portal/invoices" backLabel={t('backToInvoices')} />
    </PortalFrame>
  );
}
