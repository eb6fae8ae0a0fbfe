import { getTranslations } from 'next-intl/server';
import { Pager } from '@/components/portal/Pager';
import { ReceiptList, type TReceiptRow } from '@/components/portal/ReceiptList';
import { shownPaymentStatus } from '@/components/portal/shown-status';
import { PortalFrame } from '@/components/portal/PortalFrame';
import { ZCursor } from '@/lib/billing/keyset-page';
import { listPayments } from '@/lib/billing/list-payments';
import { formatDate } from '@/lib/i18n/format-date';
import { shownMoney } from '@/components/ui/Money';
import { requirePortalContext } from '@/lib/portal/require-portal-context';

// Payments, newest first, a page at a time, each opening its receipt, with its state and the invoice it paid.
export default async function ReceiptsPage({ searchParams }: { searchParams: Promise<{ cursor?: string }> }) {
  const ctx = await requirePortalContext();
  const t = await getTranslations('Portal');
  const cursor = ZCursor.parse((await searchParams).cursor);
  const page = await listPayments(ctx.login, cursor);
  const { locale } = ctx;
  const rows = page.items.map((payment): TReceiptRow => ({
    id: payment.id,
    number: payment.receiptNumber,
    date: formatDate(payment.createdAt, locale),
    amount: shownMoney(payment, locale),
    status: shownPaymentStatus(t, payment.status),
    ...(payment.invoice && ctx.features.invoiceHistory && { invoice: { id: payment.invoice.id, title: t('invoiceTitle', { number: payment.invoice.number }) } }),
  }));

  return (
    <PortalFrame ctx={ctx} current="receipts" title={t('tabs.receipts')}>
      {page.items.length === 0 ? (
        <p className="text-zinc-700 dark:text-zinc-300">{t('noReceipts')}</p>
      ) : (
        <ReceiptList rows={rows} />
      )}
      <Pager path="/portal/receipts" nextCursor={page.nextCursor} isFirst={!cursor} />
    </PortalFrame>
  );
}
