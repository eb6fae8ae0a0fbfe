// WCAG 2.x relative luminance and contrast, to pick a text colour that reads on any brand colour.

function channel(value: number): number {
  const c = value / 255;
  return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
}

export function parseHex(hex: string): [number, number, number] {
  const match = /^#([0-9a-f]{6})$/i.exec(hex);
  if (!match) throw new Error(`not a #rrggbb colour: ${hex}`);
  const n = parseInt(match[1]!, 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
}

export function relativeLuminance(hex: string): number {
  const [r, g, b] = parseHex(hex).map(channel) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

export function contrastRatio(a: string, b: string): number {
  const [hi, lo] = [relativeLuminance(a), relativeLuminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

const LIGHT = '#ffffff';
const DARK = '#000000';

/**
 * White or near-black, whichever contrasts more with the background. One of the two always reaches
 * at least 4.5:1 (the worst case, a background of luminance ~0.18, still gives 4.58:1 with both).
 */
export function readableTextOn(background: string): string {
  return contrastRatio(background, LIGHT) >= contrastRatio(background, DARK) ? LIGHT : DARK;
}

/** Non-text contrast (WCAG 1.4.11): a state indicator such as the current tab's underline needs 3:1. */
export const INDICATOR_CONTRAST = 3;

/** The colour when it stands out from the background enough to carry meaning, else the fallback. */
export function visibleOn(color: string, background: string, fallback: string, minimum = INDICATOR_CONTRAST): string {
  return contrastRatio(color, background) >= minimum ? color : fallback;
}
