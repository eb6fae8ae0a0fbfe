import 'server-only';
import PDFDocument from 'pdfkit';
import { fallbackFamilyFor, pdfFontsFor, type TPdfFont } from './pdf-fonts';
import { shareLayoutCache } from './shared-layout-cache';

type TStructType = 'H1' | 'H2' | 'P' | 'TH' | 'TD' | 'Span';
export type TTextOptions = { width?: number; align?: 'left' | 'right'; bold?: boolean; size?: number; color?: string };

export const INK = '#111111';
export const MUTED = '#52525b';

/**
 * A tagged A4 document (PDF/UA-1: every font embedded, a structure tree in reading order, the
 * language and the title shown as the window's title) with text helpers that keep the tags and
 * the fonts right: text goes into a structure element, lines and colour are marked as artifacts,
 * and a string the document's font cannot draw is set in one that can.
 */
export class TaggedPdf {
  readonly doc: PDFKit.PDFDocument;
  readonly root: PDFKit.PDFStructureElement;
  readonly left: number;
  readonly width: number;
  private readonly fonts: TPdfFont;

  constructor(title: string, locale: string) {
    this.doc = new PDFDocument({
      size: 'A4',
      margin: 56,
      info: { Title: title, Producer: 'Plugipay billing portal' },
      lang: locale,
      tagged: true,
      displayTitle: true,
      pdfVersion: '1.7',
      // @types/pdfkit lags pdfkit 0.20, which knows this subset.
      subset: 'PDF/UA' as PDFKit.Mixins.PDFSubsets,
      // No Helvetica: every text sets its embedded font, and pdfkit would parse Helvetica's metrics
      // for each document only to list a font that is never drawn (and not embedded, against PDF/UA).
      font: null as unknown as string,
    });
    this.fonts = pdfFontsFor(locale);
    this.root = this.doc.struct('Document');
    this.doc.addStructure(this.root);
    this.left = this.doc.page.margins.left;
    this.width = this.doc.page.width - this.left - this.doc.page.margins.right;
  }

  /** A structure element (a section, a table, a row) under `parent`, filled by `fill`. */
  group(parent: PDFKit.PDFStructureElement, type: 'Sect' | 'Table' | 'TR' | 'L' | 'LI', fill: (el: PDFKit.PDFStructureElement) => void) {
    const el = this.doc.struct(type);
    parent.add(el);
    fill(el);
    el.end();
  }

  /** Text as one structure element of `type` under `parent`, at (x, y); returns the y below it. */
  text(parent: PDFKit.PDFStructureElement, type: TStructType, value: string, x: number, y: number, options: TTextOptions = {}): number {
    const { doc } = this;
    const fonts = fallbackFamilyFor(value, this.fonts) ?? this.fonts;
    parent.add(
      doc.struct(type, {}, () => {
        this.useFont(fonts, options.bold ? 'bold' : 'body');
        doc
          .fontSize(options.size ?? 10)
          .fillColor(options.color ?? INK)
          .text(value, x, y, { width: options.width ?? this.left + this.width - x, align: options.align });
      }),
    );
    return doc.y;
  }

  private readonly registered = new Set<string>();

  // Registered by name, so pdfkit embeds each font once per document however often it is used. The
  // font's shaped words come from the process's cache (shaping is most of a document's time).
  private useFont(fonts: TPdfFont, weight: 'body' | 'bold') {
    const name = `${fonts.family}-${weight}`;
    if (this.registered.has(name)) {
      this.doc.font(name);
      return;
    }
    this.doc.registerFont(name, fonts[weight] as unknown as PDFKit.Mixins.PDFFontSource);
    this.doc.font(name);
    shareLayoutCache(this.doc, fonts[weight]);
    this.registered.add(name);
  }

  /**
   * An image fitted in a square of `size` points, as an artifact: the logo beside the merchant's
   * name says nothing the name does not. False when pdfkit cannot read the bytes.
   */
  image(bytes: Buffer, x: number, y: number, size: number): boolean {
    this.doc.markContent('Artifact', { type: 'Layout' });
    try {
      // pdfkit reads the whole image before it draws anything: bytes it cannot read leave no trace.
      this.doc.image(bytes, x, y, { fit: [size, size] });
      return true;
    } catch {
      return false;
    } finally {
      this.doc.endMarkedContent();
    }
  }

  /** A horizontal rule: decoration, so an artifact screen readers skip. */
  rule(y: number) {
    this.doc.markContent('Artifact', { type: 'Layout' });
    this.doc.moveTo(this.left, y).lineTo(this.left + this.width, y).lineWidth(0.75).strokeColor('#d4d4d8').stroke();
    this.doc.endMarkedContent();
  }

  /** Collects the document into one buffer. */
  toBuffer(): Promise<Buffer> {
    this.root.end();
    const { doc } = this;
    return new Promise((resolve, reject) => {
      const chunks: Buffer[] = [];
      doc.on('data', (chunk: Buffer) => chunks.push(chunk));
      doc.on('end', () => resolve(Buffer.concat(chunks)));
      doc.on('error', reject);
      doc.end();
    });
  }
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
