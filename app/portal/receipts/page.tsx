import { PortalLink } from '@/components/portal/PortalLink';
import { getTranslations } from 'next-intl/server';
import { Pager } from '@/components/portal/Pager';
import { PaymentStatus } from '@/components/portal/PaymentStatus';
import { PortalFrame } from '@/components/portal/PortalFrame';
import { ZCursor } from '@/lib/billing/keyset-page';
import { listPayments } from '@/lib/billing/list-payments';
import { formatDate } from '@/lib/i18n/format-date';
import { Money } from '@/components/ui/Money';
import { requirePortalContext } from '@/lib/portal/require-portal-context';

// Payments, newest first, a page at a time, each opening its receipt, with its state and the invoice it paid.
export default async function ReceiptsPage({ searchParams }: { searchParams: Promise<{ cursor?: string }> }) {
  const ctx = await requirePortalContext();
  const t = await getTranslations('Portal');
  const cursor = ZCursor.parse((await searchParams).cursor);
  const page = await listPayments(ctx.login, cursor);
  const { locale } = ctx;

  return (
    <PortalFrame ctx={ctx} current="receipts" title={t('tabs.receipts')}>
      {page.items.length === 0 ? (
        <p className="text-zinc-700 dark:text-zinc-300">{t('noReceipts')}</p>
      ) : (
        <ul className="boxed-list">
          {page.items.map((payment) => (
            <li key={payment.id} className="document-row">
              <div className="min-w-0">
                <PortalLink className="document-number" href={`/portal/receipts/${payment.id}`}>
                  {payment.receiptNumber}
                </PortalLink>
                <p className="document-date">{formatDate(payment.createdAt, locale)}</p>
              </div>
              <p className="document-amount"><Money amount={payment.amount} currency={payment.currency} locale={locale} /></p>
              <div className="document-details col-span-2 gap-x-3 gap-y-1">
                <PaymentStatus status={payment.status} />
                {payment.invoice && ctx.features.invoiceHistory && (
                  <PortalLink className="inline-flex min-h-6 items-center text-sm underline underline-offset-4" href={`/portal/invoices/${payment.invoice.id}`}>
                    {t('invoiceTitle', { number: payment.invoice.number })}
                  </PortalLink>
                )}
              </div>
            </li>
          ))}
        </ul>
      )}
      <Pager path="/portal/receipts" nextCursor={page.nextCursor} isFirst={!cursor} />
    </PortalFrame>
  );
}
