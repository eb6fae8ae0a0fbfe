import { computeInvoice, type TTaxRateTerms } from '../../lib/billing/invoice-math/compute-invoice';
import type { TPostalAddress } from '../../lib/billing/postal-address';
import type { TTaxId } from '../../lib/billing/tax-ids';
import type { Prisma } from '../../lib/db/generated/client';
import { newId } from '../../lib/ids/new-id';
import { addInterval } from '../../lib/billing-engine/add-interval';

type TInterval = 'day' | 'week' | 'month';

export type THistoryInput = {
  accountId: string;
  customer: { id: string; name: string; email: string; address: TPostalAddress | null; taxIds: TTaxId[] };
  subscriptionId: string;
  priceId: string;
  description: string;
  currency: string;
  unitAmount: bigint;
  taxRates: TTaxRateTerms[];
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
  lineTaxes: Prisma.InvoiceLineTaxCreateManyInput[];
  payments: Prisma.PaymentCreateManyInput[];
};


// One invoice per period, oldest first, each paid by card a minute after it was issued. Amounts
// come from computeInvoice, the computation every invoice and the portal's next charge use.
export function buildBillingHistory(h: THistoryInput): THistory {
  const history: THistory = { invoices: [], lines: [], lineTaxes: [], payments: [] };
  const { lines: [line], ...amounts } = computeInvoice({ lines: [{ unitAmount: h.unitAmount, quantity: 1, taxRates: h.taxRates }] });
  for (let n = 0; n < h.periods; n++) {
    const periodStart = addInterval(h.currentPeriodStart, h.interval, n - (h.periods - 1));
    const periodEnd = addInterval(periodStart, h.interval, 1);
    const isOpen = Boolean(h.lastOpen) && n === h.periods - 1;
    const invoiceId = newId('invoice', periodStart.getTime());
    const lineId = newId('invoiceLine', periodStart.getTime());
    const number = `${h.numberPrefix}-${String(n + 1).padStart(4, '0')}`;
    const paidAt = new Date(periodStart.getTime() + 60_000);
    history.invoices.push({
      id: invoiceId,
      accountId: h.accountId,
      customerId: h.customer.id,
      subscriptionId: h.subscriptionId,
      number,
      status: isOpen ? 'open' : 'paid',
      billingReason: n === 0 ? 'subscription_create' : 'subscription_cycle',
      currency: h.currency,
      subtotal: amounts.subtotal,
      discount: amounts.discount,
      tax: amounts.tax,
      inclusiveTax: amounts.inclusiveTax,
      total: amounts.total,
      amountPaid: isOpen ? 0n : amounts.total,
      periodStart,
      periodEnd,
      issuedAt: periodStart,
      dueAt: addInterval(periodStart, 'week', 2),
      paidAt: isOpen ? null : paidAt,
      customerName: h.customer.name,
      customerEmail: h.customer.email,
      customerAddress: h.customer.address ?? undefined,
      customerTaxIds: h.customer.taxIds,
      createdAt: periodStart,
    });
    history.lines.push({
      id: lineId,
      invoiceId,
      position: 0,
      accountId: h.accountId,
      priceId: h.priceId,
      description: h.description,
      quantity: line!.quantity,
      unitAmount: line!.unitAmount,
      amount: line!.amount,
      discountAmount: line!.discountAmount,
      periodStart,
      periodEnd,
    });
    for (const tax of line!.taxes) {
      history.lineTaxes.push({ accountId: h.accountId, invoiceLineId: lineId, taxRateId: tax.taxRate.id, taxableAmount: tax.taxableAmount, amount: tax.amount });
    }
    if (!isOpen) {
      history.payments.push({
        id: newId('payment', paidAt.getTime()),
        accountId: h.accountId,
        customerId: h.customer.id,
        invoiceId,
        paymentMethodId: h.card.paymentMethodId,
        amount: amounts.total,
        currency: h.currency,
        status: 'succeeded',
        receiptNumber: `${h.numberPrefix}-R${String(n + 1).padStart(4, '0')}`,
        cardBrand: h.card.brand,
        cardLast4: h.card.last4,
        createdAt: paidAt,
      });
    }
  }
  return history;
}
