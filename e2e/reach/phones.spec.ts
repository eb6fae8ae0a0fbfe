import { mintPortalSession } from '../../lib/testing/portal-links';
import { expect, test } from '../support/test';

test.use({ viewport: { width: 360, height: 780 } });

test('invoice rows on a phone: number and amount on one line, status and PDF on the next, both ends aligned', async ({ page, baseURL, credentials, fixtures }) => {
  const session = await mintPortalSession(baseURL!, credentials.merchant, { customerId: fixtures.customers.e2ePhoneRows });
  await page.goto(`${session.url}?tab=invoices`);
  const rows = page.getByRole('main').getByRole('listitem');
  expect(await rows.count()).toBeGreaterThan(3);
  const layout = await rows.evaluateAll((items) =>
    items.map((li) => {
      const box = (el: Element | null) => el!.getBoundingClientRect();
      const row = box(li);
      const padding = parseFloat(getComputedStyle(li).paddingRight);
      return {
        rowEnd: row.right - padding,
        numberTop: box(li.querySelector('a')).top,
        amount: box(li.querySelector('data')!.closest('p')),
        link: box(li.querySelector('a[href$="/pdf"]')),
      };
    }),
  );
  for (const { rowEnd, numberTop, amount, link } of layout) {
    expect(Math.abs(amount.right - rowEnd)).toBeLessThanOrEqual(1);
    expect(Math.abs(link.right - rowEnd)).toBeLessThanOrEqual(1);
    expect(Math.abs(amount.top - numberTop)).toBeLessThanOrEqual(4);
    expect(link.top).toBeGreaterThan(amount.bottom);
  }
  // Each link is named by what it says, and which invoice it is for.
  await expect(page.getByRole('link', { name: /^Download PDF \([A-Z0-9-]+\)$/ }).first()).toBeVisible();
});

test('the cancel dialog on a phone: every reason’s radio keeps its size and place when its label wraps', async ({ page, baseURL, credentials, fixtures }) => {
  const session = await mintPortalSession(baseURL!, credentials.merchant, { customerId: fixtures.customers.e2ePhoneCancel, locale: 'id' });
  await page.goto(`${session.url}?tab=subscription`);
  await page.getByRole('button', { name: 'Batalkan langganan' }).click();
  const radios = page.getByRole('dialog').getByRole('radio');
  expect(await radios.count()).toBeGreaterThan(3);
  const boxes = await radios.evaluateAll((inputs) => inputs.map((i) => i.getBoundingClientRect()).map(({ left, width, height }) => ({ left, width, height })));
  // At least one label runs onto a second line here, or the test proves nothing.
  const labelHeights = await radios.evaluateAll((inputs) => inputs.map((i) => i.closest('label')!.getBoundingClientRect().height));
  expect(Math.max(...labelHeights)).toBeGreaterThan(40);
  expect(new Set(boxes.map((b) => `${b.width}x${b.height}`))).toEqual(new Set(['16x16']));
  expect(new Set(boxes.map((b) => Math.round(b.left))).size).toBe(1);
});

test('the current tab is in view from the first paint, before any of the page’s scripts has run', async ({ page, baseURL, credentials, fixtures }) => {
  // No script of the app loads: what shows is the server's HTML and its inline script alone.
  await page.route('**/_next/static/**/*.js', (route) => route.abort());
  const session = await mintPortalSession(baseURL!, credentials.merchant, { customerId: fixtures.customers.e2eTabFirstPaint, locale: 'id' });
  await page.goto(`${session.url}?tab=invoices`);
  const strip = page.locator('nav ul');
  const current = strip.locator('[aria-current="page"]');
  await expect(current).toHaveText('Faktur');
  const [tab, box] = [(await current.boundingBox())!, (await strip.boundingBox())!];
  expect(tab.x).toBeGreaterThanOrEqual(box.x);
  expect(tab.x + tab.width).toBeLessThanOrEqual(box.x + box.width);
  // The strip overflows in Indonesian at 360 px, so it had to be scrolled.
  expect(await strip.evaluate((ul) => ul.scrollLeft)).toBeGreaterThan(0);
});
