import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { contrastRatio, readableTextOn } from './contrast';

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
