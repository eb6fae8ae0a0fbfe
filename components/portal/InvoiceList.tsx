'use client';

import { ShownMoney, type TShownMoney } from '@/components/ui/ShownMoney';
import { PortalLink } from './PortalLink';
import { StatusBadge, type TShownStatus } from './StatusBadge';

/** One invoice as its row shows it, every word and amount already written by the server. */
export type TInvoiceRow = {
  id: string;
  number: string;
  date: string;
  amount: TShownMoney;
  status: TShownStatus;
  /** "Due on …", for an open invoice with a due date. */
  due?: string;
  /** Whether the row offers to pay it. */
  payable: boolean;
};

/** The words every row repeats, sent once. */
export type TInvoiceListLabels = { payNow: string; download: string };

/** A page of invoices, drawn like ReceiptList from written-out rows. */
export function InvoiceList({ rows, labels }: { rows: TInvoiceRow[]; labels: TInvoiceListLabels }) {
  return (
    <ul className="boxed-list">
      {rows.map((row) => (
        // Two rows on a phone (number and amount; status and PDF), one row from sm up.
        <li key={row.id} className="document-row sm:flex">
          <div className="min-w-0 sm:flex-1">
            <PortalLink className="document-number" href={`/portal/invoices/${row.id}`}>{row.number}</PortalLink>
            <p className="document-date">{row.date}</p>
          </div>
          <p className="document-amount sm:order-last"><ShownMoney {...row.amount} /></p>
          <div className="document-details gap-2">
            <StatusBadge {...row.status} />
            {row.due && <span className="text-sm text-zinc-700 dark:text-zinc-300">{row.due}</span>}
            {row.payable && (
              <PortalLink className="document-action" href={`/portal/invoices/${row.id}`}>
                {labels.payNow}
                <span className="sr-only"> ({row.number})</span>
              </PortalLink>
            )}
          </div>
          <a
            className="document-action inline-flex min-h-11 items-center justify-self-end sm:order-last"
            href={`/portal/invoices/${row.id}/pdf`}
          >
            {labels.download}
            <span className="sr-only"> ({row.number})</span>
          </a>
        </li>
      ))}
    </ul>
  );
}
