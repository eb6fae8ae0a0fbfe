'use client';

import { ShownMoney, type TShownMoney } from '@/components/ui/ShownMoney';
import { PortalLink } from './PortalLink';
import { StatusBadge, type TShownStatus } from './StatusBadge';

/** One payment as its row shows it, every word and amount already written by the server. */
export type TReceiptRow = {
  id: string;
  number: string;
  date: string;
  amount: TShownMoney;
  status: TShownStatus;
  invoice?: { id: string; title: string };
};

/**
 * A page of receipts. A client component fed with written-out rows, so that the page's payload
 * carries each row's words once instead of its whole element tree, which the HTML already holds
 * (docs/decisions.md, "Lists drawn from written-out rows"). Nothing is formatted here: the
 * browser's Intl never disagrees with the server's.
 */
export function ReceiptList({ rows }: { rows: TReceiptRow[] }) {
  return (
    <ul className="boxed-list">
      {rows.map((row) => (
        <li key={row.id} className="document-row">
          <div className="min-w-0">
            <PortalLink className="document-number" href={`/portal/receipts/${row.id}`}>
              {row.number}
            </PortalLink>
            <p className="document-date">{row.date}</p>
          </div>
          <p className="document-amount"><ShownMoney {...row.amount} /></p>
          <div className="document-details col-span-2 gap-x-3 gap-y-1">
            <StatusBadge {...row.status} />
            {row.invoice && (
              <PortalLink className="inline-flex min-h-6 items-center text-sm underline underline-offset-4" href={`/portal/invoices/${row.invoice.id}`}>
                {row.invoice.title}
              </PortalLink>
            )}
          </div>
        </li>
      ))}
    </ul>
  );
}
