import { getTranslations } from 'next-intl/server';

const TONE: Record<string, string> = {
  paid: 'bg-emerald-50 text-emerald-800 ring-emerald-600/30 dark:bg-emerald-950 dark:text-emerald-200',
  open: 'bg-amber-50 text-amber-900 ring-amber-600/30 dark:bg-amber-950 dark:text-amber-200',
};

// The status in words (never colour alone), with a tint as a second cue.
export async function InvoiceStatus({ status }: { status: string }) {
  const t = await getTranslations('Portal');
  return (
    <span className={`inline-flex rounded-md px-2 py-0.5 text-xs font-medium ring-1 ring-inset ${TONE[status] ?? 'bg-zinc-100 text-zinc-700 ring-zinc-500/30 dark:bg-zinc-800 dark:text-zinc-200'}`}>
      {t('invoiceStatus', { status })}
    </span>
  );
}
