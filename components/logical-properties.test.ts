import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

// Right-to-left readiness: layout uses logical utilities (ms-, pe-, start-, text-start, border-s …)
// so that <html dir="rtl"> mirrors it. Physical left/right utilities would not flip.
const PHYSICAL = /(?<![\w-])-?(?:m[lr]|p[lr]|left|right|rounded-(?:[lr]|tl|tr|bl|br)|border-[lr]|text-(?:left|right)|float-(?:left|right)|scroll-[mp][lr])(?:-[\w./[\]%]+)?(?![\w-])/g;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const file = path.join(dir, name);
    if (statSync(file).isDirectory()) return sourceFiles(file);
    return /\.(tsx|ts|css)$/.test(name) && !name.endsWith('.test.ts') ? [file] : [];
  });
}

/** The class lists in a file: className strings, and the style constants they are built from. */
function classTokens(source: string): string[] {
  const strings = [...source.matchAll(/className=(?:"([^"]*)"|\{`([^`]*)`\})|(?:const|=)\s*'([^']*)'|`([^`]*)`/g)].map((m) => m[1] ?? m[2] ?? m[3] ?? m[4] ?? '');
  return strings.flatMap((s) => s.split(/\s+/)).map((token) => token.split(':').pop()!);
}

describe('layout styles', () => {
  it('use logical properties only, in app/ and components/', () => {
    const offenders = ['app', 'components'].flatMap(sourceFiles).flatMap((file) =>
      classTokens(readFileSync(file, 'utf8'))
        .filter((token) => new RegExp(`^${PHYSICAL.source}$`).test(token))
        .map((token) => `${file}: ${token}`),
    );
    expect(offenders).toEqual([]);
  });

  it('would catch a physical utility', () => {
    expect(classTokens('<p className="ml-2 sm:pr-4 text-start" />').filter((t) => new RegExp(`^${PHYSICAL.source}$`).test(t))).toEqual(['ml-2', 'pr-4']);
  });
});
