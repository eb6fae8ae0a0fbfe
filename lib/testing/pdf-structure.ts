import { createRequire } from 'node:module';
import path from 'node:path';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

const fonts = path.join(path.dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json')), 'standard_fonts') + path.sep;

type TNode = { role?: string; children?: TNode[] };

/** What a screen reader gets from a PDF: whether it is tagged, its title and language, and the roles of its structure in reading order. */
export async function pdfStructure(data: Uint8Array) {
  const doc = await getDocument({ data, standardFontDataUrl: fonts, isEvalSupported: false }).promise;
  const [markInfo, metadata] = await Promise.all([doc.getMarkInfo(), doc.getMetadata()]);
  const roles: string[] = [];
  const walk = (node: TNode | null) => {
    if (!node) return;
    if (node.role) roles.push(node.role);
    node.children?.forEach(walk);
  };
  for (let n = 1; n <= doc.numPages; n++) walk((await (await doc.getPage(n)).getStructTree()) as TNode);
  const info = metadata.info as { Title?: string; Language?: string };
  await doc.destroy();
  return { tagged: markInfo?.Marked === true, title: info.Title, language: info.Language, roles };
}
