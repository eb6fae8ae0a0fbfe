import { PortalLink } from '@/components/portal/PortalLink';
import { getTranslations } from 'next-intl/server';
import { BillingDetailsSummary } from '@/components/portal/BillingDetailsSummary';
import { CardLabel } from '@/components/portal/CardLabel';
import { InvoiceStatus } from '@/components/portal/InvoiceStatus';
import { OverdueBanner } from '@/components/portal/OverdueBanner';
import { PaymentStatus } from '@/components/portal/PaymentStatus';
import { PortalFrame } from '@/components/portal/PortalFrame';
import { Section } from '@/components/portal/Section';
import { SubscriptionOverview } from '@/components/portal/SubscriptionOverview';
import { getOverview } from '@/lib/billing/get-overview';
import { formatDate } from '@/lib/i18n/format-date';
import { Money } from '@/components/ui/Money';
import { requirePortalContext } from '@/lib/portal/require-portal-context';

// The portal's first screen: subscriptions and their next charges, default card, latest invoice.
export default async function OverviewPage() {
  const ctx = await requirePortalContext();
  const t = await getTranslations('Portal');
  const { locale } = ctx;
  const { subscriptions, defaultCard, latestInvoice, latestPayment, overdueInvoice } = await getOverview(ctx.login, ctx.billingNow);
  const link = 'text-sm font-medium underline underline-offset-4';

  return (
    <PortalFrame ctx={ctx} current="overview" title={t('tabs.overview')}>
      {overdueInvoice && <OverdueBanner invoice={overdueInvoice} defaultCard={defaultCard} features={ctx.features} locale={locale} />}
      <div className="grid gap-4 md:grid-cols-2">
        <SubscriptionOverview subscriptions={subscriptions} locale={locale} />
        <Section
          id="card"
          title={t('defaultPaymentMethod')}
          action={ctx.features.paymentMethodUpdate && <PortalLink className={link} href="/portal/payment-method">{t('tabs.payment-method')}</PortalLink>}
        >
          {defaultCard ? (
            <>
              <p className="font-medium"><CardLabel brand={defaultCard.cardBrand} last4={defaultCard.cardLast4} /></p>
              <p className="mt-1 text-sm text-zinc-700 dark:text-zinc-300">{t('expires', { month: String(defaultCard.expMonth).padStart(2, '0'), year: defaultCard.expYear })}</p>
            </>
          ) : (
            <p className="text-zinc-700 dark:text-zinc-300">{t('noPaymentMethod')}</p>
          )}
        </Section>
        <Section
          id="latest-invoice"
          title={t('latestInvoice')}
          action={ctx.features.invoiceHistory && <PortalLink className={link} href="/portal/invoices">{t('tabs.invoices')}</PortalLink>}
        >
          {latestInvoice ? (
            <div className="flex flex-wrap items-center gap-x-4 gap-y-2">
              {ctx.features.invoiceHistory ? (
                <PortalLink className="font-medium underline underline-offset-4" href={`/portal/invoices/${latestInvoice.id}`}>{latestInvoice.number}</PortalLink>
              ) : (
                <span className="font-medium">{latestInvoice.number}</span>
              )}
              <Money amount={latestInvoice.total} currency={latestInvoice.currency} locale={locale} />
              <InvoiceStatus status={latestInvoice.status} />
              {latestInvoice.status === 'open' && latestInvoice.dueAt && (
                <span className="text-sm text-zinc-700 dark:text-zinc-300">{t('dueOn', { date: formatDate(latestInvoice.dueAt, locale) })}</span>
              )}
            </div>
          ) : (
            <p className="text-zinc-700 dark:text-zinc-300">{t('noInvoices')}</p>
          )}
        </Section>
        <Section id="latest-payment" title={t('latestPayment')} action={<PortalLink className={link} href="/portal/receipts">{t('tabs.receipts')}</PortalLink>}>
          {latestPayment ? (
            <div className="flex flex-wrap items-center gap-x-4 gap-y-2">
              <PortalLink className="font-medium underline underline-offset-4" href={`/portal/receipts/${latestPayment.id}`}>
                {latestPayment.receiptNumber}
              </PortalLink>
              <Money amount={latestPayment.amount} currency={latestPayment.currency} locale={locale} />
              {latestPayment.status !== 'succeeded' && <PaymentStatus status={latestPayment.status} />}
              <span className="text-sm text-zinc-700 dark:text-zinc-300">{formatDate(latestPayment.createdAt, locale)}</span>
            </div>
          ) : (
            <p className="text-zinc-700 dark:text-zinc-300">{t('noReceipts')}</p>
          )}
        </Section>
        <BillingDetailsSummary ctx={ctx} />
      </div>
    </PortalFrame>
  );
}
