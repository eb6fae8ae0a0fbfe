import { mintPortalSession } from '../../lib/testing/portal-links';
import { expect, hasHorizontalScroll, test } from '../support/test';

// No right-to-left locale ships yet; this proves one would need no layout change. The portal is
// rendered, then switched to dir="rtl" as a right-to-left locale's <html dir> would be (see
// lib/i18n/locale-direction.ts), and the layout must mirror: logical CSS properties only.
test('the portal mirrors when the document is right to left', async ({ page, baseURL, credentials, fixtures }) => {
  const session = await mintPortalSession(baseURL!, credentials.merchant, { customerId: fixtures.customers.e2eRtl });
  await page.goto(session.url);
  const box = async (locator: ReturnType<typeof page.locator>) => (await locator.boundingBox())!;
  const tabs = page.getByRole('navigation').getByRole('link');
  const merchant = page.getByRole('banner').getByText('Acme Cloud');
  const done = page.getByRole('button', { name: 'Done' });

  const ltr = { firstTab: await box(tabs.nth(0)), secondTab: await box(tabs.nth(1)), merchant: await box(merchant), done: await box(done) };
  expect(ltr.firstTab.x).toBeLessThan(ltr.secondTab.x);
  expect(ltr.merchant.x).toBeLessThan(ltr.done.x);

  await page.evaluate(() => (document.documentElement.dir = 'rtl'));
  const rtl = { firstTab: await box(tabs.nth(0)), secondTab: await box(tabs.nth(1)), merchant: await box(merchant), done: await box(done) };
  expect(rtl.firstTab.x).toBeGreaterThan(rtl.secondTab.x);
  expect(rtl.merchant.x).toBeGreaterThan(rtl.done.x);
  // Mirrored, not merely moved: each side's distance to the edge swaps with the other's.
  const width = await page.evaluate(() => document.documentElement.clientWidth);
  expect(Math.abs(rtl.done.x - (width - ltr.done.x - ltr.done.width))).toBeLessThanOrEqual(1);
  expect(await hasHorizontalScroll(page)).toBe(false);

  await page.setViewportSize({ width: 360, height: 780 });
  for (const tab of ['receipts', 'payment-method', 'subscription', 'invoices']) {
    await page.goto(`${baseURL}/portal/${tab}`);
    await page.evaluate(() => (document.documentElement.dir = 'rtl'));
    expect(await hasHorizontalScroll(page), tab).toBe(false);
  }
});
