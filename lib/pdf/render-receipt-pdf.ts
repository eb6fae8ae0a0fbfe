import 'server-only';
import { drawnPdf } from './drawn-pdf-cache';
import type { TBuyer } from '../billing/buyer';
import type { TPaymentDetail } from '../billing/get-payment-or-throw';
import { issuedTaxSummary } from '../billing/invoice-math/compute-invoice';
import { totalsRows } from '../billing/totals-rows';
import type { TBranding } from '../branding/get-branding';
import { formatDate } from '../i18n/format-date';
import type { TLocale } from '../i18n/locales';
import { formatMoney } from '../money/format-money';
import { cardBrandName } from '../payments/card-brand-name';
import { pdfTranslator, writeContact, writeFacts, writeHeader, writeLines, writeParties, writeTotals } from './pdf-blocks';
import { TaggedPdf } from './pdf-document';
import { issuedNumber } from '../billing/issued-number';
import { lineDescription } from '../billing/line-description';

type TInput = { payment: TPaymentDetail; branding: TBranding; customer: TBuyer; locale: TLocale };

// A receipt as a tagged PDF: how much was paid, when and with which card, to whom, and for what
// (the lines and taxes of the invoice it settled).
export function renderReceiptPdf(input: TInput): Promise<Buffer> {
  return drawnPdf('receipt', input, () => drawReceiptPdf(input));
}

async function drawReceiptPdf({ payment, branding, customer, locale }: TInput): Promise<Buffer> {
  const t = await pdfTranslator(locale);
  const money = (amount: bigint, currency = payment.currency) => formatMoney({ amount, currency }, locale);
  const date = formatDate(payment.createdAt, locale);
  const pdf = new TaggedPdf(`${t('receipt')} ${payment.receiptNumber}`, locale);

  await writeHeader(pdf, branding, t('receipt'));
  let y = pdf.text(pdf.root, 'P', money(payment.amount), pdf.left, pdf.doc.y + 18, { bold: true, size: 26 });
  const paid = payment.cardBrand && payment.cardLast4 ? t('paidWith', { card: `${cardBrandName(payment.cardBrand)} •••• ${payment.cardLast4}`, date }) : `${t('paid')} ${date}`;
  y = pdf.text(pdf.root, 'P', paid, pdf.left, y + 2, { width: pdf.width });
  y = writeFacts(
    pdf,
    [
      [t('receiptNumber'), payment.receiptNumber],
      [t('status'), t('paymentStatus', { status: payment.status })],
      ...(payment.invoice ? [[t('forInvoice'), issuedNumber(payment.invoice)] as const] : []),
      ...(payment.amountRefunded > 0n ? [[t('refunded'), money(payment.amountRefunded)] as const] : []),
    ],
    y + 14,
  );
  y = writeParties(pdf, t, branding, customer, locale, y + 18);
  const { invoice } = payment;
  if (invoice) {
    const m = (amount: bigint) => money(amount, invoice.currency);
    y = writeLines(
      pdf,
      t,
      invoice.lines.map((line) => ({ description: lineDescription(line, t, locale), quantity: line.quantity, unitAmount: m(line.unitAmount), amount: m(line.amount) })),
      y + 18,
    );
    y = writeTotals(pdf, totalsRows({ ...invoice, taxSummary: issuedTaxSummary(invoice.lines) }, t, locale), m, y);
  }
  writeContact(pdf, t, branding, y);
  return pdf.toBuffer();
}
