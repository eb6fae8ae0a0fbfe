import { addInterval } from '../../lib/billing-engine/add-interval';
import { computeInvoice, type TTaxRateTerms } from '../../lib/billing/invoice-math/compute-invoice';
import type { TImportRecord } from '../../lib/import/import-records';
import type { TCardBrand } from '../../lib/payments/card-number';

type TInterval = 'day' | 'week' | 'month';

export type TPastInvoices = {
  customer: string;
  subscription: string;
  price: string;
  description: string;
  currency: string;
  unitAmount: number;
  /** The rate's import id and terms: the terms give the payments' amounts. */
  taxRate?: { id: string; terms: TTaxRateTerms };
  interval: TInterval;
  periods: number;
  /** The start of the current (last) period; earlier periods go back from here. */
  currentPeriodStart: Date;
  card: { brand: TCardBrand; last4: string };
  numberPrefix: string;
  /** The current period's invoice stays open (due), as when a charge is pending. */
  lastOpen?: boolean;
};

type TInvoiceRecord = Extract<TImportRecord, { object: 'invoice' }>;

/**
 * One invoice a period, oldest first, as import records: each paid by card a minute after it was
 * issued (the amount computeInvoice gives it, as the import computes it again and checks).
 */
export function pastInvoices(h: TPastInvoices): TInvoiceRecord[] {
  const { total } = computeInvoice({ lines: [{ unitAmount: BigInt(h.unitAmount), quantity: 1, taxRates: h.taxRate ? [h.taxRate.terms] : [] }] });
  return Array.from({ length: h.periods }, (_, n) => {
    const periodStart = addInterval(h.currentPeriodStart, h.interval, n - (h.periods - 1));
    const isOpen = Boolean(h.lastOpen) && n === h.periods - 1;
    const sequence = String(n + 1).padStart(4, '0');
    const iso = periodStart.toISOString();
    return {
      object: 'invoice',
      id: `${h.subscription}-${sequence}`,
      customer: h.customer,
      subscription: h.subscription,
      number: `${h.numberPrefix}-${sequence}`,
      status: isOpen ? 'open' : 'paid',
      currency: h.currency,
      issuedAt: iso,
      dueAt: addInterval(periodStart, 'week', 2).toISOString(),
      periodStart: iso,
      periodEnd: addInterval(periodStart, h.interval, 1).toISOString(),
      lines: [{ description: h.description, unitAmount: h.unitAmount, price: h.price, ...(h.taxRate ? { taxRates: [h.taxRate.id] } : {}) }],
      total: Number(total),
      ...(isOpen ? {} : { payments: [{ amount: Number(total), createdAt: new Date(periodStart.getTime() + 60_000).toISOString(), receiptNumber: `${h.numberPrefix}-R${sequence}`, card: h.card }] }),
    };
  });
}
