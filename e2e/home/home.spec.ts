import { accessibilityViolations, expect, hasHorizontalScroll, test } from '../support/test';

test.describe('the instance landing page', () => {
  test('says what the instance is, that it is healthy, and that demo data is loaded', async ({ page, fixtures }) => {
    // The demo data (3 accounts, 6 customers) and the tests' fixtures (four accounts, customers of
    // their own); the API tests that ran before add customers and delete one fixture customer.
    const atLeast = 6 + Object.keys(fixtures.customers).length - 1;
    await page.goto('/');
    await expect(page.getByRole('heading', { level: 1, name: 'Plugipay billing portal' })).toBeVisible();
    await expect(page.locator('dl')).toContainText('Demo');
    await expect(page.locator('dl')).toContainText(process.env.DATABASE_URL ? 'PostgreSQL server' : 'Embedded (PGlite)');
    await expect(page.locator('dl')).toContainText('Connected');
    const loaded = page.getByText(/^7 accounts and \d+ customers are loaded/);
    await expect(loaded).toBeVisible();
    expect(Number(/and (\d+) customers/.exec((await loaded.textContent()) ?? '')?.[1])).toBeGreaterThanOrEqual(atLeast);
  });

  for (const colorScheme of ['light', 'dark'] as const) {
    test(`has no accessibility violations in ${colorScheme} mode`, async ({ page }) => {
      await page.emulateMedia({ colorScheme });
      await page.goto('/');
      expect(await accessibilityViolations(page)).toEqual([]);
    });
  }

  test('fits a 360 px phone without horizontal scrolling', async ({ page }) => {
    await page.setViewportSize({ width: 360, height: 740 });
    await page.goto('/');
    expect(await hasHorizontalScroll(page)).toBe(false);
  });

  test('speaks Bahasa Indonesia to a browser that asks for it', async ({ browser, baseURL }) => {
    const context = await browser.newContext({ locale: 'id-ID', baseURL });
    const page = await context.newPage();
    await page.goto('/');
    await expect(page.locator('html')).toHaveAttribute('lang', 'id');
    await expect(page.getByRole('heading', { level: 1, name: 'Portal penagihan Plugipay' })).toBeVisible();
    await expect(page.getByText(/^7 akun dan \d+ pelanggan sudah dimuat/)).toBeVisible();
    await context.close();
  });
});
