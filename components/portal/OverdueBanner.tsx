import { PortalLink } from '@/components/portal/PortalLink';
import { getTranslations } from 'next-intl/server';
import type { Invoice, PaymentMethod } from '@/lib/db/generated/client';
import type { TPortalFeatures } from '@/lib/portal/get-portal-context';
import { formatMoney } from '@/lib/money/format-money';
import { issuedNumber } from '@/lib/billing/issued-number';
import { InvoicePayment } from './InvoicePayment';
import { amountDue } from '@/lib/billing/amount-due';

/** On the overview while anything is past due: what, how much, and the way to pay it. */
export async function OverdueBanner({ invoice, defaultCard, features, locale }: { invoice: Invoice; defaultCard: PaymentMethod | null; features: TPortalFeatures; locale: string }) {
  const t = await getTranslations('Portal');
  const amount = formatMoney({ amount: amountDue(invoice), currency: invoice.currency }, locale);
  return (
    <section aria-labelledby="overdue" className="mb-4 rounded-xl border border-red-300 bg-red-50 p-5 text-red-950 dark:border-red-800 dark:bg-red-950 dark:text-red-50">
      <h2 id="overdue" className="font-semibold">{t('overdue', { amount, number: issuedNumber(invoice) })}</h2>
      {features.invoiceHistory && (
        <p className="mt-1 text-sm"><PortalLink className="underline underline-offset-4" href={`/portal/invoices/${invoice.id}`}>{t('viewInvoice')}</PortalLink></p>
      )}
      <div className="mt-3">
        <InvoicePayment invoice={invoice} defaultCard={defaultCard} features={features} locale={locale} />
      </div>
    </section>
  );
}
