import 'server-only';
import { createTranslator } from 'next-intl';
import { loadMessages } from '../i18n/load-messages';
import type { TLocale } from '../i18n/locales';
import type { TBuyer } from '../billing/buyer';
import { postalAddressLines } from '../billing/postal-address';
import { evidentTaxIdType, type TTaxIdType } from '../billing/tax-ids';
import type { TTotalsRow } from '../billing/totals-rows';
import type { TBranding } from '../branding/get-branding';
import { merchantLogo } from './merchant-logo';
import { MUTED, type TaggedPdf } from './pdf-document';

// The parts invoices and receipts share, each written into the document's structure in reading order.

/** The words of a document in its locale: the Pdf messages. */
export async function pdfTranslator(locale: TLocale) {
  return createTranslator({ locale, messages: await loadMessages(locale), namespace: 'Pdf' });
}
type TDocLabels = Awaited<ReturnType<typeof pdfTranslator>>;

/** The merchant's logo (when it can be drawn) and name in its colour, and the document's kind as the first heading. */
export async function writeHeader(pdf: TaggedPdf, branding: TBranding, title: string): Promise<void> {
  const logo = await merchantLogo(branding.logoUrl);
  let x = pdf.left;
  if (logo && pdf.image(logo, x, 52, 40)) x += 52;
  pdf.text(pdf.root, 'P', branding.displayName, x, 56, { bold: true, size: 20, color: branding.brandColor, width: pdf.left + pdf.width - 160 - x });
  pdf.text(pdf.root, 'H1', title, pdf.left + pdf.width - 160, 58, { bold: true, size: 16, width: 160, align: 'right' });
  pdf.doc.y = Math.max(pdf.doc.y, 90);
}

/** Seller and buyer side by side: legal names, addresses, tax IDs. Returns the y below both. */
export function writeParties(pdf: TaggedPdf, t: TDocLabels, branding: TBranding, buyer: TBuyer, locale: string, top: number): number {
  const column = (pdf.width - 24) / 2;
  const taxLine = (type: TTaxIdType | null, value: string) => t('taxIdLine', { label: type ? t('taxIdType', { type }) : t('taxId'), value });
  const seller = [
    branding.legalName ?? branding.displayName,
    ...(branding.address ? postalAddressLines(branding.address, locale) : []),
    ...(branding.taxId ? [taxLine(evidentTaxIdType(branding.taxId), branding.taxId)] : []),
  ];
  const billed = [
    ...(buyer.name ? [buyer.name] : []),
    buyer.email,
    ...(buyer.address ? postalAddressLines(buyer.address, locale) : []),
    ...buyer.taxIds.map((id) => taxLine(id.type, id.value)),
  ];
  let bottom = top;
  for (const [i, [heading, lines]] of ([[t('from'), seller], [t('billTo'), billed]] as const).entries()) {
    const x = pdf.left + i * (column + 24);
    pdf.group(pdf.root, 'Sect', (sect) => {
      let y = pdf.text(sect, 'H2', heading, x, top, { color: MUTED, width: column });
      for (const [n, line] of lines.entries()) y = pdf.text(sect, 'P', line, x, y, { width: column, bold: n === 0 });
      bottom = Math.max(bottom, y);
    });
  }
  return bottom;
}

/** Label–value pairs (number, dates), one per line. */
export function writeFacts(pdf: TaggedPdf, facts: readonly (readonly [string, string])[], top: number): number {
  let y = top;
  pdf.group(pdf.root, 'Table', (table) => {
    for (const [label, value] of facts) {
      pdf.group(table, 'TR', (row) => {
        pdf.text(row, 'TH', label, pdf.left, y, { color: MUTED, width: 140 });
        y = Math.max(pdf.doc.y, pdf.text(row, 'TD', value, pdf.left + 140, y, { width: pdf.width - 140 }));
      });
    }
  });
  return y;
}

type TLine = { description: string; detail?: string; quantity: number; unitAmount: string; amount: string };

/** The lines as a table with a header row: description, quantity, unit price, amount. */
export function writeLines(pdf: TaggedPdf, t: TDocLabels, lines: readonly TLine[], top: number): number {
  const right = pdf.left + pdf.width;
  const cols = [
    { x: pdf.left, width: pdf.width - 250, align: 'left' as const },
    { x: right - 250, width: 40, align: 'right' as const },
    { x: right - 200, width: 95, align: 'right' as const },
    { x: right - 100, width: 100, align: 'right' as const },
  ];
  let y = top;
  pdf.group(pdf.root, 'Table', (table) => {
    pdf.group(table, 'TR', (row) => {
      const header = [t('description'), t('quantity'), t('unitPrice'), t('amount')];
      let bottom = y;
      header.forEach((label, i) => (bottom = Math.max(bottom, pdf.text(row, 'TH', label, cols[i]!.x, y, { ...cols[i]!, bold: true, color: MUTED }))));
      y = bottom + 4;
    });
    pdf.rule(y);
    y += 8;
    for (const line of lines) {
      pdf.group(table, 'TR', (row) => {
        let bottom = pdf.text(row, 'TD', line.detail ? `${line.description}\n${line.detail}` : line.description, cols[0]!.x, y, cols[0]!);
        [String(line.quantity), line.unitAmount, line.amount].forEach((cell, i) => (bottom = Math.max(bottom, pdf.text(row, 'TD', cell, cols[i + 1]!.x, y, cols[i + 1]!))));
        y = bottom + 6;
      });
    }
  });
  pdf.rule(y);
  return y + 10;
}

/** Subtotal, discount, tax per rate, total (and paid, due), right-aligned under the lines. */
export function writeTotals(pdf: TaggedPdf, rows: readonly TTotalsRow[], money: (amount: bigint) => string, top: number): number {
  const right = pdf.left + pdf.width;
  let y = top;
  pdf.group(pdf.root, 'Table', (table) => {
    for (const row of rows) {
      pdf.group(table, 'TR', (tr) => {
        pdf.text(tr, 'TH', row.label, right - 330, y, { width: 220, align: 'right', bold: row.strong });
        y = Math.max(pdf.doc.y, pdf.text(tr, 'TD', money(row.amount), right - 100, y, { width: 100, align: 'right', bold: row.strong })) + 3;
      });
    }
  });
  return y;
}

/** The tax per rate with its taxable amount, as EU VAT and Indonesian tax invoices must show. */
export function writeTaxSummary(pdf: TaggedPdf, t: TDocLabels, rows: readonly { label: string; taxable: string; tax: string }[], top: number): number {
  if (rows.length === 0) return top;
  const right = pdf.left + pdf.width;
  let y = pdf.text(pdf.root, 'H2', t('taxSummary'), pdf.left, top, { bold: true, size: 11 }) + 4;
  pdf.group(pdf.root, 'Table', (table) => {
    pdf.group(table, 'TR', (tr) => {
      pdf.text(tr, 'TH', t('tax'), pdf.left, y, { width: pdf.width - 250, color: MUTED });
      pdf.text(tr, 'TH', t('taxableAmount'), right - 250, y, { width: 145, align: 'right', color: MUTED });
      y = Math.max(pdf.doc.y, pdf.text(tr, 'TH', t('amount'), right - 100, y, { width: 100, align: 'right', color: MUTED })) + 3;
    });
    for (const row of rows) {
      pdf.group(table, 'TR', (tr) => {
        pdf.text(tr, 'TD', row.label, pdf.left, y, { width: pdf.width - 250 });
        pdf.text(tr, 'TD', row.taxable, right - 250, y, { width: 145, align: 'right' });
        y = Math.max(pdf.doc.y, pdf.text(tr, 'TD', row.tax, right - 100, y, { width: 100, align: 'right' })) + 3;
      });
    }
  });
  return y;
}

/** Where to ask about the document. */
export function writeContact(pdf: TaggedPdf, t: TDocLabels, branding: TBranding, top: number): void {
  const contact = branding.supportEmail ?? branding.supportUrl;
  if (contact) pdf.text(pdf.root, 'P', t('questions', { contact }), pdf.left, top + 24, { color: MUTED, width: pdf.width });
}
