import type { ReactNode } from 'react';
import { Money } from '@/components/ui/Money';

// The first line of an invoice or a receipt: its state, and the amount in large type.
export function AmountHeadline({ badge, amount, currency, locale }: { badge: ReactNode; amount: bigint; currency: string; locale: string }) {
  return (
    <div className="flex flex-wrap items-center gap-x-4 gap-y-2">
      {badge}
      <p className="text-2xl font-semibold tabular-nums"><Money amount={amount} currency={currency} locale={locale} /></p>
    </div>
  );
}
