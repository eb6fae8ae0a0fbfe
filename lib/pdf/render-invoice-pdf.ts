import 'server-only';
import { drawnPdf } from './drawn-pdf-cache';
import { invoiceBuyer, type TBuyer } from '../billing/buyer';
import type { TInvoiceDetail } from '../billing/get-invoice-or-throw';
import { issuedTaxSummary } from '../billing/invoice-math/compute-invoice';
import { taxRateLabel, totalsRows } from '../billing/totals-rows';
import type { TBranding } from '../branding/get-branding';
import { formatDate } from '../i18n/format-date';
import type { TLocale } from '../i18n/locales';
import { formatMoney } from '../money/format-money';
import { pdfTranslator, writeContact, writeFacts, writeHeader, writeLines, writeParties, writeTaxSummary, writeTotals } from './pdf-blocks';
import { TaggedPdf } from './pdf-document';
import { issuedNumber } from '../billing/issued-number';
import { lineDescription } from '../billing/line-description';

type TInput = { invoice: TInvoiceDetail; branding: TBranding; customer: TBuyer; locale: TLocale };

// An invoice as a tagged PDF with real, selectable text, in the portal's locale and the invoice's
// currency, with what EU VAT and Indonesian tax invoices must carry: both parties' legal details
// and tax IDs, the service period, and the tax per rate with its taxable amount.
export function renderInvoicePdf(input: TInput): Promise<Buffer> {
  return drawnPdf('invoice', input, () => drawInvoicePdf(input));
}

async function drawInvoicePdf({ invoice, branding, customer, locale }: TInput): Promise<Buffer> {
  const t = await pdfTranslator(locale);
  const money = (amount: bigint) => formatMoney({ amount, currency: invoice.currency }, locale);
  const date = (d: Date) => formatDate(d, locale);
  const pdf = new TaggedPdf(`${t('invoice')} ${invoice.number}`, locale);

  await writeHeader(pdf, branding, t('invoice'));
  let y = writeParties(pdf, t, branding, invoiceBuyer(invoice, customer), locale, pdf.doc.y + 18);
  y = writeFacts(
    pdf,
    [
      [t('invoiceNumber'), issuedNumber(invoice)],
      [t('status'), t('invoiceStatus', { status: invoice.status })],
      [t('issued'), date(invoice.issuedAt)],
      ...(invoice.dueAt && invoice.status === 'open' ? [[t('due'), date(invoice.dueAt)] as const] : []),
      ...(invoice.paidAt ? [[t('paid'), date(invoice.paidAt)] as const] : []),
      ...(invoice.periodStart && invoice.periodEnd ? [[t('period'), `${date(invoice.periodStart)} – ${date(invoice.periodEnd)}`] as const] : []),
    ],
    y + 18,
  );
  y = writeLines(
    pdf,
    t,
    invoice.lines.map((line) => ({
      description: lineDescription(line, t, locale),
      detail: line.periodStart && line.periodEnd ? `${date(line.periodStart)} – ${date(line.periodEnd)}` : undefined,
      quantity: line.quantity,
      unitAmount: money(line.unitAmount),
      amount: money(line.amount),
    })),
    y + 18,
  );
  const taxSummary = issuedTaxSummary(invoice.lines);
  y = writeTotals(pdf, totalsRows({ ...invoice, taxSummary, amountPaid: invoice.amountPaid }, t, locale), money, y);
  y = writeTaxSummary(
    pdf,
    t,
    taxSummary.map((row) => ({ label: taxRateLabel(row.taxRate, t, locale), taxable: money(row.taxableAmount), tax: money(row.amount) })),
    y + 18,
  );
  writeContact(pdf, t, branding, y);
  return pdf.toBuffer();
}
