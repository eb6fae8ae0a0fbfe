import { redirect } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { InvoiceList, type TInvoiceRow } from '@/components/portal/InvoiceList';
import { shownInvoiceStatus } from '@/components/portal/shown-status';
import { Pager } from '@/components/portal/Pager';
import { PortalFrame } from '@/components/portal/PortalFrame';
import { ZCursor } from '@/lib/billing/keyset-page';
import { listInvoices } from '@/lib/billing/list-invoices';
import { formatDate } from '@/lib/i18n/format-date';
import { shownMoney } from '@/components/ui/Money';
import { requirePortalContext } from '@/lib/portal/require-portal-context';

// Invoices, newest first, a page at a time; open ones show when they are due.
export default async function InvoicesPage({ searchParams }: { searchParams: Promise<{ cursor?: string }> }) {
  const ctx = await requirePortalContext();
  if (!ctx.features.invoiceHistory) redirect('/portal');
  const t = await getTranslations('Portal');
  const cursor = ZCursor.parse((await searchParams).cursor);
  const page = await listInvoices(ctx.login, cursor);
  const { locale } = ctx;
  const rows = page.items.map((invoice): TInvoiceRow => ({
    id: invoice.id,
    number: invoice.number,
    date: formatDate(invoice.issuedAt, locale),
    amount: shownMoney({ amount: invoice.total, currency: invoice.currency }, locale),
    status: shownInvoiceStatus(t, invoice.status),
    ...(invoice.status === 'open' && invoice.dueAt && { due: t('dueOn', { date: formatDate(invoice.dueAt, locale) }) }),
    payable: invoice.status === 'open' && ctx.features.invoicePayment,
  }));

  return (
    <PortalFrame ctx={ctx} current="invoices" title={t('tabs.invoices')}>
      {page.items.length === 0 ? (
        <p className="text-zinc-700 dark:text-zinc-300">{t('noInvoices')}</p>
      ) : (
        <InvoiceList rows={rows} labels={{ payNow: t('payNow'), download: t('download') }} />
      )}
      <Pager path="/portal/invoices" nextCursor={page.nextCursor} isFirst={!cursor} />
    </PortalFrame>
  );
}
