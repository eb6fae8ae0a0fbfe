import 'server-only';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import * as fontkit from 'fontkit';

// Every PDF embeds its fonts (PDF/UA requires it, and a receipt must print the same anywhere):
// Noto Sans for the Latin, Greek and Cyrillic scripts, Noto Sans JP and SC for Japanese and
// Chinese. They come from npm packages (OFL), installed with the project, never fetched at run
// time; pdfkit embeds only the glyphs a document uses.
const FAMILIES = {
  latin: {
    regular: '@expo-google-fonts/noto-sans/400Regular/NotoSans_400Regular.ttf',
    bold: '@expo-google-fonts/noto-sans/700Bold/NotoSans_700Bold.ttf',
  },
  ja: {
    regular: '@expo-google-fonts/noto-sans-jp/400Regular/NotoSansJP_400Regular.ttf',
    bold: '@expo-google-fonts/noto-sans-jp/700Bold/NotoSansJP_700Bold.ttf',
  },
  zh: {
    regular: '@expo-google-fonts/noto-sans-sc/400Regular/NotoSansSC_400Regular.ttf',
    bold: '@expo-google-fonts/noto-sans-sc/700Bold/NotoSansSC_700Bold.ttf',
  },
} as const;

export type TFontFamily = keyof typeof FAMILIES;
export type TPdfFont = { family: TFontFamily; body: fontkit.Font; bold: fontkit.Font };

// Parsed once per process: parsing Noto Sans JP on every document cost more than drawing it.
const parsed = new Map<string, fontkit.Font>();

function parse(specifier: string): fontkit.Font {
  let font = parsed.get(specifier);
  if (!font) {
    let file: string;
    try {
      file = createRequire(path.join(process.cwd(), 'package.json')).resolve(specifier);
    } catch {
      file = path.join(process.cwd(), 'node_modules', specifier);
    }
    // A file of an npm package, found at run time: not something the build should trace.
    font = fontkit.create(readFileSync(/* turbopackIgnore: true */ file));
    parsed.set(specifier, font);
  }
  return font;
}

function family(name: TFontFamily): TPdfFont {
  return { family: name, body: parse(FAMILIES[name].regular), bold: parse(FAMILIES[name].bold) };
}

/** The fonts a locale's documents are set in. */
export function pdfFontsFor(locale: string): TPdfFont {
  const language = new Intl.Locale(locale).language;
  return family(language === 'ja' || language === 'zh' ? language : 'latin');
}

const KANA = /[\u3040-\u30ff\u31f0-\u31ff\uff66-\uff9f]/;

/**
 * The family that can draw all of `text` when the document's own cannot (a Japanese merchant name
 * on an English invoice): Japanese when there is kana, else the first that has every glyph.
 */
export function fallbackFamilyFor(text: string, current: TPdfFont): TPdfFont | null {
  const codePoints = [...text].map((c) => c.codePointAt(0)!).filter((cp) => cp > 0x20);
  if (codePoints.every((cp) => current.body.hasGlyphForCodePoint(cp))) return null;
  const order: TFontFamily[] = KANA.test(text) ? ['ja', 'zh'] : current.family === 'zh' ? ['zh', 'ja'] : ['ja', 'zh'];
  for (const name of order.filter((n) => n !== current.family)) {
    const candidate = family(name);
    if (codePoints.every((cp) => candidate.body.hasGlyphForCodePoint(cp))) return candidate;
  }
  return null;
}
