import 'server-only';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

// pdfkit's built-in Helvetica covers the Latin scripts (WinAnsi); Japanese and Chinese need fonts
// with their glyphs. These come from npm packages (Noto Sans JP and SC, OFL), installed with the
// project, never fetched at run time. pdfkit embeds only the glyphs a document uses.
const FONT_FILES: Record<string, { regular: string; bold: string }> = {
  ja: {
    regular: '@expo-google-fonts/noto-sans-jp/400Regular/NotoSansJP_400Regular.ttf',
    bold: '@expo-google-fonts/noto-sans-jp/700Bold/NotoSansJP_700Bold.ttf',
  },
  zh: {
    regular: '@expo-google-fonts/noto-sans-sc/400Regular/NotoSansSC_400Regular.ttf',
    bold: '@expo-google-fonts/noto-sans-sc/700Bold/NotoSansSC_700Bold.ttf',
  },
};

const loaded = new Map<string, Buffer>();

function fontFile(specifier: string): Buffer {
  let buffer = loaded.get(specifier);
  if (!buffer) {
    let file: string;
    try {
      file = createRequire(path.join(process.cwd(), 'package.json')).resolve(specifier);
    } catch {
      file = path.join(process.cwd(), 'node_modules', specifier);
    }
    // A file of an npm package, found at run time: not something the build should trace.
    buffer = readFileSync(/* turbopackIgnore: true */ file);
    loaded.set(specifier, buffer);
  }
  return buffer;
}

/** The body and bold fonts for a locale: a font's bytes, or the name of a built-in PDF font. */
export function pdfFontsFor(locale: string): { body: Buffer | string; bold: Buffer | string } {
  const files = FONT_FILES[new Intl.Locale(locale).language];
  if (!files) return { body: 'Helvetica', bold: 'Helvetica-Bold' };
  return { body: fontFile(files.regular), bold: fontFile(files.bold) };
}
