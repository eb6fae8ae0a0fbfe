import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { CardLabel } from '@/components/portal/CardLabel';
import { PortalFrame } from '@/components/portal/PortalFrame';
import { ApiError } from '@/lib/api/errors';
import { getPaymentOrThrow } from '@/lib/billing/get-payment-or-throw';
import { formatDate } from '@/lib/i18n/format-date';
import { isId } from '@/lib/ids/new-id';
import { Money } from '@/components/ui/Money';
import { requirePortalContext } from '@/lib/portal/require-portal-context';

// One receipt: number, date, amount, card, the invoice it paid, and its PDF.
export default async function ReceiptPage({ params }: { params: Promise<{ id: string }> }) {
  const ctx = await requirePortalContext();
  const { id } = await params;
  if (!isId('payment', id)) notFound();
  const payment = await getPaymentOrThrow(ctx.login, id).catch((error) => {
    if (error instanceof ApiError && error.code === 'not_found') notFound();
    throw error;
  });
  const t = await getTranslations('Portal');
  const { locale } = ctx;
  const row = 'flex flex-wrap justify-between gap-x-4 gap-y-1 py-3';

  return (
    <PortalFrame ctx={ctx} current="receipts" title={t('receiptTitle', { number: payment.receiptNumber })}>
      <dl className="divide-y divide-zinc-200 rounded-xl border border-zinc-200 px-5 dark:divide-zinc-800 dark:border-zinc-800">
        <div className={row}><dt className="text-zinc-600 dark:text-zinc-400">{t('receiptNumber')}</dt><dd className="font-medium">{payment.receiptNumber}</dd></div>
        <div className={row}><dt className="text-zinc-600 dark:text-zinc-400">{t('paidOn')}</dt><dd>{formatDate(payment.createdAt, locale)}</dd></div>
        <div className={row}><dt className="text-zinc-600 dark:text-zinc-400">{t('amount')}</dt><dd className="font-medium tabular-nums"><Money amount={payment.amount} currency={payment.currency} locale={locale} /></dd></div>
        {payment.cardBrand && payment.cardLast4 && (
          <div className={row}><dt className="text-zinc-600 dark:text-zinc-400">{t('paymentMethod')}</dt><dd><CardLabel brand={payment.cardBrand} last4={payment.cardLast4} /></dd></div>
        )}
        {payment.invoice && (
          <div className={row}>
            <dt className="text-zinc-600 dark:text-zinc-400">{t('forInvoice')}</dt>
            <dd><a className="underline underline-offset-4" href={`/portal/invoices/${payment.invoice.id}/pdf`}>{payment.invoice.number}</a></dd>
          </div>
        )}
      </dl>
      <div className="mt-4 flex flex-wrap gap-4">
        <a className="inline-flex min-h-11 items-center rounded-lg bg-[var(--brand)] px-4 font-semibold text-[var(--brand-text)]" href={`/portal/receipts/${payment.id}/pdf`}>
          {t('download')}
        </a>
        <Link className="inline-flex min-h-11 items-center underline underline-offset-4" href="/portal/receipts">{t('backToReceipts')}</Link>
      </div>
    </PortalFrame>
  );
}
