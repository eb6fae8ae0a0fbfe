import { PortalLink } from '@/components/portal/PortalLink';
import { redirect } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { InvoiceStatus } from '@/components/portal/InvoiceStatus';
import { Pager } from '@/components/portal/Pager';
import { PortalFrame } from '@/components/portal/PortalFrame';
import { ZCursor } from '@/lib/billing/keyset-page';
import { listInvoices } from '@/lib/billing/list-invoices';
import { formatDate } from '@/lib/i18n/format-date';
import { Money } from '@/components/ui/Money';
import { requirePortalContext } from '@/lib/portal/require-portal-context';

// Invoices, newest first, a page at a time; open ones show when they are due.
export default async function InvoicesPage({ searchParams }: { searchParams: Promise<{ cursor?: string }> }) {
  const ctx = await requirePortalContext();
  if (!ctx.features.invoiceHistory) redirect('/portal');
  const t = await getTranslations('Portal');
  const cursor = ZCursor.parse((await searchParams).cursor);
  const page = await listInvoices(ctx.login, cursor);
  const { locale } = ctx;

  return (
    <PortalFrame ctx={ctx} current="invoices" title={t('tabs.invoices')}>
      {page.items.length === 0 ? (
        <p className="text-zinc-700 dark:text-zinc-300">{t('noInvoices')}</p>
      ) : (
        <ul className="boxed-list">
          {page.items.map((invoice) => (
            // Two rows on a phone (number and amount; status and PDF), one row from sm up.
            <li key={invoice.id} className="document-row sm:flex">
              <div className="min-w-0 sm:flex-1">
                <PortalLink className="document-number" href={`/portal/invoices/${invoice.id}`}>{invoice.number}</PortalLink>
                <p className="document-date">{formatDate(invoice.issuedAt, locale)}</p>
              </div>
              <p className="document-amount sm:order-last"><Money amount={invoice.total} currency={invoice.currency} locale={locale} /></p>
              <div className="document-details gap-2">
                <InvoiceStatus status={invoice.status} />
                {invoice.status === 'open' && invoice.dueAt && (
                  <span className="text-sm text-zinc-700 dark:text-zinc-300">{t('dueOn', { date: formatDate(invoice.dueAt, locale) })}</span>
                )}
                {invoice.status === 'open' && ctx.features.invoicePayment && (
                  <PortalLink className="document-action" href={`/portal/invoices/${invoice.id}`}>
                    {t('payNow')}
                    <span className="sr-only"> ({invoice.number})</span>
                  </PortalLink>
                )}
              </div>
              <a
                className="document-action inline-flex min-h-11 items-center justify-self-end sm:order-last"
                href={`/portal/invoices/${invoice.id}/pdf`}
              >
                {t('download')}
                <span className="sr-only"> ({invoice.number})</span>
              </a>
            </li>
          ))}
        </ul>
      )}
      <Pager path="/portal/invoices" nextCursor={page.nextCursor} isFirst={!cursor} />
    </PortalFrame>
  );
}
