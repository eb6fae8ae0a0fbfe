import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { contrastRatio, readableTextOn, visibleOn } from './contrast';

describe('readableTextOn', () => {
  it('reaches at least 4.5:1 on any brand colour', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 0xffffff }), (n) => {
        const background = `#${n.toString(16).padStart(6, '0')}`;
        expect(contrastRatio(background, readableTextOn(background))).toBeGreaterThanOrEqual(4.5);
      }),
      { numRuns: 5000 },
    );
  });

  it('picks white on dark and dark on light colours', () => {
    expect(readableTextOn('#4338ca')).toBe('#ffffff');
    expect(readableTextOn('#fde047')).toBe('#000000');
  });

  it('computes WCAG contrast', () => {
    expect(contrastRatio('#000000', '#ffffff')).toBeCloseTo(21, 5);
    expect(contrastRatio('#777777', '#ffffff')).toBeCloseTo(4.48, 2);
  });
});

describe('visibleOn', () => {
  it('gives an indicator colour of at least 3:1 on the light and the dark page, keeping the brand where it can', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 0xffffff }), (n) => {
        const accent = `#${n.toString(16).padStart(6, '0')}`;
        for (const [page, ink] of [['#ffffff', '#18181b'], ['#09090b', '#f4f4f5']] as const) {
          const shown = visibleOn(accent, page, ink);
          expect(contrastRatio(shown, page)).toBeGreaterThanOrEqual(3);
          if (contrastRatio(accent, page) >= 3) expect(shown).toBe(accent);
        }
      }),
      { numRuns: 5000 },
    );
  });
});
