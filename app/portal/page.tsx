import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { CardLabel } from '@/components/portal/CardLabel';
import { InvoiceStatus } from '@/components/portal/InvoiceStatus';
import { PortalFrame } from '@/components/portal/PortalFrame';
import { Section } from '@/components/portal/Section';
import { SubscriptionStatus } from '@/components/portal/SubscriptionStatus';
import { NextChargeBreakdown } from '@/components/portal/NextChargeBreakdown';
import { getOverview } from '@/lib/billing/get-overview';
import { planOf, renewalCharge } from '@/lib/billing/renewal-charge';
import { formatDate } from '@/lib/i18n/format-date';
import { Money } from '@/components/ui/Money';
import { formatMoney } from '@/lib/money/format-money';
import { requirePortalContext } from '@/lib/portal/require-portal-context';

// The portal's first screen: plan and next charge, default card, latest invoice.
export default async function OverviewPage() {
  const ctx = await requirePortalContext();
  const t = await getTranslations('Portal');
  const { locale } = ctx;
  const { subscription, defaultCard, latestInvoice, latestPayment } = await getOverview(ctx.login);
  const link = 'text-sm font-medium underline underline-offset-4';
  const plan = subscription && planOf(subscription);
  const planAmount = plan ? formatMoney(plan, locale) : '';
  const charge = subscription && renewalCharge(subscription);

  return (
    <PortalFrame ctx={ctx} current="overview" title={t('tabs.overview')}>
      <div className="grid gap-4 md:grid-cols-2">
        <Section id="plan" title={t('currentPlan')} action={<Link className={link} href="/portal/subscription">{t('tabs.subscription')}</Link>}>
          {subscription ? (
            <>
              <p className="flex flex-wrap items-center gap-x-3 gap-y-1">
                <span className="font-medium">{plan!.name}</span>
                <SubscriptionStatus subscription={subscription} locale={locale} />
              </p>
              <p className="mt-1 text-zinc-700 dark:text-zinc-300">
                {t('perInterval', { amount: planAmount, interval: plan!.interval })}
              </p>
              {subscription.cancelAtPeriodEnd || !charge ? (
                <p className="mt-3 text-sm text-zinc-700 dark:text-zinc-300">{t('endsOn', { date: formatDate(subscription.currentPeriodEnd, locale) })}</p>
              ) : (
                <>
                  <p className="mt-3 text-sm text-zinc-700 dark:text-zinc-300">
                    {t('nextCharge', { amount: formatMoney({ amount: charge.total, currency: charge.currency }, locale), date: formatDate(charge.date, locale) })}
                  </p>
                  <NextChargeBreakdown charge={charge} locale={locale} />
                </>
              )}
            </>
          ) : (
            <p className="text-zinc-700 dark:text-zinc-300">{t('noSubscription')}</p>
          )}
        </Section>
        <Section
          id="card"
          title={t('defaultPaymentMethod')}
          action={ctx.features.paymentMethodUpdate && <Link className={link} href="/portal/payment-method">{t('tabs.payment-method')}</Link>}
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
          action={ctx.features.invoiceHistory && <Link className={link} href="/portal/invoices">{t('tabs.invoices')}</Link>}
        >
          {latestInvoice ? (
            <div className="flex flex-wrap items-center gap-x-4 gap-y-2">
              {ctx.features.invoiceHistory ? (
                <Link className="font-medium underline underline-offset-4" href={`/portal/invoices/${latestInvoice.id}`}>{latestInvoice.number}</Link>
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
        <Section id="latest-payment" title={t('latestPayment')} action={<Link className={link} href="/portal/receipts">{t('tabs.receipts')}</Link>}>
          {latestPayment ? (
            <div className="flex flex-wrap items-center gap-x-4 gap-y-2">
              <Link className="font-medium underline underline-offset-4" href={`/portal/receipts/${latestPayment.id}`}>
                {latestPayment.receiptNumber}
              </Link>
              <Money amount={latestPayment.amount} currency={latestPayment.currency} locale={locale} />
              <span className="text-sm text-zinc-700 dark:text-zinc-300">{formatDate(latestPayment.createdAt, locale)}</span>
            </div>
          ) : (
            <p className="text-zinc-700 dark:text-zinc-300">{t('noReceipts')}</p>
          )}
        </Section>
      </div>
    </PortalFrame>
  );
}
