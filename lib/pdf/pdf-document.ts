import 'server-only';
import PDFDocument from 'pdfkit';
import { pdfFontsFor } from './pdf-fonts';

// pdfkit's built-in Helvetica speaks WinAnsi: a narrow no-break space (Intl uses it in some
// locales) becomes an ordinary no-break space so it does not print as a blank box.
export function pdfText(text: string): string {
  return text.replace(/\u202f/g, '\u00a0');
}

/** An A4 document in the locale's language, with its fonts registered as 'Body' and 'Bold'. */
export function createPdf(title: string, locale: string): PDFKit.PDFDocument {
  const doc = new PDFDocument({ size: 'A4', margin: 56, info: { Title: title, Producer: 'Plugipay billing portal' }, lang: locale });
  const fonts = pdfFontsFor(locale);
  doc.registerFont('Body', fonts.body as string);
  doc.registerFont('Bold', fonts.bold as string);
  return doc.font('Body');
}

/** Collects the document into one buffer. */
export function pdfToBuffer(doc: PDFKit.PDFDocument): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
    doc.end();
  });
}

export function pdfResponse(pdf: Buffer, filename: string): Response {
  const safe = filename.replace(/[^A-Za-z0-9._-]/g, '-');
  return new Response(new Uint8Array(pdf), {
    headers: {
      'Content-Type': 'application/pdf',
      'Content-Disposition': `attachment; filename="${safe}"`,
      'Content-Length': String(pdf.length),
      'Cache-Control': 'no-store',
    },
  });
}
