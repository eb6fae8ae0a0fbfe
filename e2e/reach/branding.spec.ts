import { signedFetch } from '../../lib/testing/signed-fetch';
import { mintPortalSession } from '../../lib/testing/portal-links';
import { accessibilityViolations, expect, test } from '../support/test';

// Whatever colours a merchant picks, text on them stays readable and the current tab's marker
// visible: the portal computes them, it does not trust them. Extremes of each kind, light and dark.
const COLOURS = [
  ['#fde047', '#fef9c3'], // pale yellow brand, near-white accent
  ['#111111', '#0a0a0a'], // near-black brand and accent (invisible on the dark page)
  ['#00ff00', '#ff00ff'], // loud
  ['#777777', '#767676'], // mid grey, the hardest case for text
] as const;

test('any brand and accent colour keeps contrast in light and dark', async ({ page, baseURL, fixtures }) => {
  test.setTimeout(120_000);
  const key = fixtures.webhookAccount;
  try {
    for (const [brandColor, accentColor] of COLOURS) {
      const res = await signedFetch(baseURL!, { method: 'PATCH', path: '/api/v1/checkout-settings', key, body: { displayName: 'Colour Test', brandColor, accentColor } });
      expect(res.status).toBe(200);
      for (const colorScheme of ['light', 'dark'] as const) {
        await page.emulateMedia({ colorScheme });
        const session = await mintPortalSession(baseURL!, key, { customerId: fixtures.customers.e2eBrandColors, locale: 'en' });
        await page.goto(`${session.url}?tab=payment-method`);
        expect(await accessibilityViolations(page), `${brandColor}/${accentColor} ${colorScheme}`).toEqual([]);
        const marker = await page.getByRole('link', { name: 'Payment method', exact: true }).evaluate((el) => getComputedStyle(el).borderBottomColor);
        expect(marker, 'the current tab has a marker').not.toMatch(/^rgba\(.*,\s*0\)$|transparent/);
        const background = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
        expect(contrast(marker, background), `${accentColor} marker on ${colorScheme}`).toBeGreaterThanOrEqual(3);
      }
    }
  } finally {
    await signedFetch(baseURL!, { method: 'PATCH', path: '/api/v1/checkout-settings', key, body: { brandColor: null, accentColor: null } });
  }
});

/** WCAG contrast of two computed CSS colours (rgb()/rgba() or color(srgb …), opaque). */
function contrast(a: string, b: string): number {
  const channels = (css: string) => {
    const numbers = css.match(/[\d.]+/g)!.map(Number);
    const rgb = css.startsWith('color(') ? numbers.slice(0, 3).map((n) => n * 255) : numbers.slice(0, 3);
    return rgb.map((c) => {
      const s = c / 255;
      return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
    });
  };
  const luminance = (css: string) => {
    const [r, g, bl] = channels(css) as [number, number, number];
    return 0.2126 * r + 0.7152 * g + 0.0722 * bl;
  };
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}
