import { Money } from '@/components/ui/Money';
import type { TTotalsRow } from '@/lib/billing/totals-rows';

// Label and amount on one line, amounts aligned at the end; the total rows in bold.
export function TotalsList({ rows, currency, locale, label, className = '' }: { rows: TTotalsRow[]; currency: string; locale: string; label?: string; className?: string }) {
  return (
    <dl aria-label={label} className={`grid grid-cols-[1fr_auto] gap-x-6 gap-y-1 text-sm ${className}`}>
      {rows.map((row) => (
        <div key={row.label} className={`contents ${row.strong ? 'font-semibold' : ''}`}>
          <dt className={row.strong ? '' : 'text-zinc-600 dark:text-zinc-400'}>{row.label}</dt>
          <dd className="text-end tabular-nums"><Money amount={row.amount} currency={currency} locale={locale} /></dd>
        </div>
      ))}
    </dl>
  );
}
