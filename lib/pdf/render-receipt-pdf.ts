import 'server-only';
import { createTranslator } from 'next-intl';
import type { TBranding } from '../branding/get-branding';
import type { getPaymentOrThrow } from '../billing/get-payment-or-throw';
import { formatDate } from '../i18n/format-date';
import { loadMessages } from '../i18n/load-messages';
import type { TLocale } from '../i18n/locales';
import { formatMoney } from '../money/format-money';
import { cardBrandName } from '../payments/card-brand-name';
import { createPdf, pdfText, pdfToBuffer } from './pdf-document';

type TPayment = Awaited<ReturnType<typeof getPaymentOrThrow>>;
type TInput = { payment: TPayment; branding: TBranding; customer: { name: string | null; email: string }; locale: TLocale };


// A receipt as a PDF: who was paid, how much, when, by which card, for which invoice.
export async function renderReceiptPdf({ payment, branding, customer, locale }: TInput): Promise<Buffer> {
  const t = createTranslator({ locale, messages: await loadMessages(locale), namespace: 'Pdf' });
  const doc = createPdf(`${t('receipt')} ${payment.receiptNumber}`, locale);
  const left = doc.page.margins.left;
  const width = doc.page.width - left - doc.page.margins.right;

  doc.fillColor(branding.brandColor).font('Bold').fontSize(20).text(pdfText(branding.displayName), left, 56);
  doc.fillColor('#111111').fontSize(16).text(t('receipt'), left, 56, { width, align: 'right' });
  doc.moveDown(2).fontSize(28).text(pdfText(formatMoney({ amount: payment.amount, currency: payment.currency }, locale)), left, doc.y);
  doc.moveDown(1).fontSize(11);
  const rows: [string, string][] = [
    [t('receiptNumber'), payment.receiptNumber],
    [t('paid'), pdfText(formatDate(payment.createdAt, locale))],
    ...(payment.cardBrand && payment.cardLast4 ? [[t('paymentMethod'), `${cardBrandName(payment.cardBrand)} **** ${payment.cardLast4}`] as [string, string]] : []),
    ...(payment.invoice ? [[t('forInvoice'), payment.invoice.number] as [string, string]] : []),
    [t('billTo'), pdfText(customer.name ? `${customer.name} <${customer.email}>` : customer.email)],
  ];
  for (const [label, value] of rows) {
    const y = doc.y + 6;
    doc.font('Body').fillColor('#52525b').text(label, left, y, { width: 160 });
    doc.fillColor('#111111').text(value, left + 160, y, { width: width - 160 });
  }
  const contact = branding.supportEmail ?? branding.supportUrl;
  if (contact) doc.moveDown(2).fillColor('#52525b').text(pdfText(t('questions', { contact })), left, doc.y, { width });
  return pdfToBuffer(doc);
}
