import PDFDocument from 'pdfkit';
import { benchFloorsRefusal } from '@/lib/server/bench-floors';

export const dynamic = 'force-dynamic';

// The bench's floor for PDFs: three lines of pdfkit's built-in Helvetica, nothing read.
export async function GET() {
  const refusal = benchFloorsRefusal();
  if (refusal) return refusal;
  const doc = new PDFDocument({ size: 'A4' });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve) => doc.on('end', () => resolve(Buffer.concat(chunks))));
  doc.text('Invoice 0001').text('Total: $29.00').text('Thank you.');
  doc.end();
  return new Response(new Uint8Array(await done), { headers: { 'Content-Type': 'application/pdf' } });
}
