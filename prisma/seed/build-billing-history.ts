import { newId } from '../../lib/ids/new-id';
import type { Prisma } from '../../lib/db/generated/client';

type TInterval = 'week' | 'month';

export type THistoryInput = {
  accountId: string;
  customerId: string;
  subscriptionId: string;
  priceId: string;
  description: string;
  currency: string;
  unitAmount: bigint;
  /** Tax in basis points of the subtotal (1100 = 11 %). */
  taxBasisPoints: number;
  interval: TInterval;
  periods: number;
  /** The start of the current (last) period; earlier periods go back from here. */
  currentPeriodStart: Date;
  card: { paymentMethodId: string; brand: string; last4: string };
  numberPrefix: string;
  /** The current period's invoice stays open (due), as when a charge is pending. */
  lastOpen?: boolean;
};

export type THistory = {
  invoices: Prisma.InvoiceCreateManyInput[];
  lines: Prisma.InvoiceLineCreateManyInput[];
  payments: Prisma.PaymentCreateManyInput[];
};

export function addInterval(date: Date, interval: TInterval, count: number): Date {
  const d = new Date(date);
  if (interval === 'week') d.setUTCDate(d.getUTCDate() + 7 * count);
  else d.setUTCMonth(d.getUTCMonth() + count);
  return d;
}

// One invoice per period, oldest first, each paid by card a minute after it was issued.
export function buildBillingHistory(h: THistoryInput): THistory {
  const history: THistory = { invoices: [], lines: [], payments: [] };
  for (let n = 0; n < h.periods; n++) {
    const periodStart = addInterval(h.currentPeriodStart, h.interval, n - (h.periods - 1));
    const periodEnd = addInterval(periodStart, h.interval, 1);
    const isOpen = Boolean(h.lastOpen) && n === h.periods - 1;
    const subtotal = h.unitAmount;
    const tax = (subtotal * BigInt(h.taxBasisPoints)) / 10_000n;
    const total = subtotal + tax;
    const invoiceId = newId('invoice', periodStart.getTime());
    const number = `${h.numberPrefix}-${String(n + 1).padStart(4, '0')}`;
    const paidAt = new Date(periodStart.getTime() + 60_000);
    history.invoices.push({
      id: invoiceId,
      accountId: h.accountId,
      customerId: h.customerId,
      subscriptionId: h.subscriptionId,
      number,
      status: isOpen ? 'open' : 'paid',
      currency: h.currency,
      subtotal,
      tax,
      total,
      amountPaid: isOpen ? 0n : total,
      periodStart,
      periodEnd,
      issuedAt: periodStart,
      dueAt: addInterval(periodStart, 'week', 2),
      paidAt: isOpen ? null : paidAt,
      createdAt: periodStart,
    });
    history.lines.push({
      id: newId('invoiceLine', periodStart.getTime()),
      invoiceId,
      position: 0,
      accountId: h.accountId,
      priceId: h.priceId,
      description: h.description,
      quantity: 1,
      unitAmount: h.unitAmount,
      amount: h.unitAmount,
      periodStart,
      periodEnd,
    });
    if (!isOpen) {
      history.payments.push({
        id: newId('payment', paidAt.getTime()),
        accountId: h.accountId,
        customerId: h.customerId,
        invoiceId,
        paymentMethodId: h.card.paymentMethodId,
        amount: total,
        currency: h.currency,
        status: 'succeeded',
        receiptNumber: `${h.numberPrefix}-R${String(n + 1).padStart(4, "0")}`,
        cardBrand: h.card.brand,
        cardLast4: h.card.last4,
        createdAt: paidAt,
      });
    }
  }
  return history;
}
