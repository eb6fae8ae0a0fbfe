import 'server-only';
import { createTranslator } from 'next-intl';
import type { TBranding } from '../branding/get-branding';
import type { getInvoiceOrThrow } from '../billing/get-invoice-or-throw';
import { formatDate } from '../i18n/format-date';
import { loadMessages } from '../i18n/load-messages';
import type { TLocale } from '../i18n/locales';
import { formatMoney } from '../money/format-money';
import { createPdf, pdfText, pdfToBuffer } from './pdf-document';

type TInvoice = Awaited<ReturnType<typeof getInvoiceOrThrow>>;
type TInput = { invoice: TInvoice; branding: TBranding; customer: { name: string | null; email: string }; locale: TLocale };

// An invoice as a PDF with real, selectable text, in the portal's locale and the invoice's currency.
export async function renderInvoicePdf({ invoice, branding, customer, locale }: TInput): Promise<Buffer> {
  const t = createTranslator({ locale, messages: await loadMessages(locale), namespace: 'Pdf' });
  const money = (amount: bigint) => pdfText(formatMoney({ amount, currency: invoice.currency }, locale));
  const date = (d: Date) => pdfText(formatDate(d, locale));
  const doc = createPdf(`${t('invoice')} ${invoice.number}`, locale);
  const left = doc.page.margins.left;
  const width = doc.page.width - left - doc.page.margins.right;

  doc.fillColor(branding.brandColor).font('Bold').fontSize(20).text(pdfText(branding.displayName), left, 56);
  doc.fillColor('#111111').font('Bold').fontSize(16).text(t('invoice'), left, 56, { width, align: 'right' });
  doc.moveDown(1.5);

  const facts: [string, string][] = [
    [t('invoiceNumber'), invoice.number],
    [t('issued'), date(invoice.issuedAt)],
    ...(invoice.dueAt ? [[t('due'), date(invoice.dueAt)] as [string, string]] : []),
    ...(invoice.paidAt ? [[t('paid'), date(invoice.paidAt)] as [string, string]] : []),
    ...(invoice.periodStart && invoice.periodEnd ? [[t('period'), `${date(invoice.periodStart)} – ${date(invoice.periodEnd)}`] as [string, string]] : []),
  ];
  const top = doc.y;
  doc.font('Body').fontSize(10);
  for (const [label, value] of facts) {
    doc.fillColor('#52525b').text(label, left, doc.y, { continued: false, width: 120 });
    doc.moveUp().fillColor('#111111').text(value, left + 120, doc.y, { width: 160 });
  }
  doc.fillColor('#52525b').text(t('billTo'), left + 300, top, { width: width - 300 });
  doc.fillColor('#111111').text(pdfText(customer.name ?? customer.email), left + 300, doc.y, { width: width - 300 });
  if (customer.name) doc.text(customer.email, left + 300, doc.y, { width: width - 300 });
  doc.y = Math.max(doc.y, top + facts.length * 14) + 24;

  const cols = { description: left, quantity: left + width - 230, unit: left + width - 180, amount: left + width - 90 };
  const header = doc.y;
  doc.font('Bold').fillColor('#52525b');
  doc.text(t('description'), cols.description, header, { width: 260 });
  doc.text(t('quantity'), cols.quantity, header, { width: 40, align: 'right' });
  doc.text(t('unitPrice'), cols.unit, header, { width: 85, align: 'right' });
  doc.text(t('amount'), cols.amount, header, { width: 90, align: 'right' });
  doc.moveTo(left, doc.y + 4).lineTo(left + width, doc.y + 4).strokeColor('#d4d4d8').stroke();
  doc.font('Body').fillColor('#111111');
  for (const line of invoice.lines) {
    const y = doc.y + 10;
    doc.text(pdfText(line.description), cols.description, y, { width: 260 });
    const after = doc.y;
    doc.text(String(line.quantity), cols.quantity, y, { width: 40, align: 'right' });
    doc.text(money(line.unitAmount), cols.unit, y, { width: 85, align: 'right' });
    doc.text(money(line.amount), cols.amount, y, { width: 90, align: 'right' });
    doc.y = Math.max(after, doc.y);
  }
  doc.moveTo(left, doc.y + 6).lineTo(left + width, doc.y + 6).strokeColor('#d4d4d8').stroke();
  doc.y += 14;

  const totals: [string, string, boolean][] = [
    [t('subtotal'), money(invoice.subtotal), false],
    [t('tax'), money(invoice.tax), false],
    [t('total'), money(invoice.total), true],
    [t('amountPaid'), money(invoice.amountPaid), false],
    [t('amountDue'), money(invoice.total - invoice.amountPaid), true],
  ];
  for (const [label, value, strong] of totals) {
    const y = doc.y;
    doc.font(strong ? 'Bold' : 'Body');
    doc.text(label, left + width - 260, y, { width: 160, align: 'right' });
    doc.text(value, cols.amount - 10, y, { width: 100, align: 'right' });
    doc.y += 4;
  }
  const contact = branding.supportEmail ?? branding.supportUrl;
  if (contact) doc.moveDown(2).font('Body').fillColor('#52525b').text(pdfText(t('questions', { contact })), left, doc.y, { width });
  return pdfToBuffer(doc);
}
