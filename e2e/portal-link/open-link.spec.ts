import { mintPortalSession } from '../../lib/testing/portal-links';
import { accessibilityViolations, expect, test } from '../support/test';

const TABS = ['Overview', 'Receipts', 'Payment method', 'Subscription', 'Invoices'];

test.describe('a customer opening a portal link', () => {
  test('lands on the overview and can walk every tab', async ({ page, baseURL, credentials, fixtures }) => {
    const session = await mintPortalSession(baseURL!, credentials.merchant, { customerId: fixtures.customers.e2eTabs });
    await page.goto(session.url);
    await expect(page).toHaveURL(`${baseURL}/portal`);
    await expect(page.getByRole('heading', { level: 1, name: 'Overview' })).toBeVisible();
    // The first page leaves the focus to the browser.
    await expect(page.getByRole('heading', { level: 1 })).not.toBeFocused();
    const nav = page.getByRole('navigation', { name: 'Billing sections' });
    for (const tab of [...TABS.slice(1), TABS[0]!]) {
      await nav.getByRole('link', { name: tab, exact: true }).click();
      await expect(page.getByRole('heading', { level: 1, name: tab })).toBeVisible();
      await expect(nav.getByRole('link', { name: tab, exact: true })).toHaveAttribute('aria-current', 'page');
      // Moving to another section puts the focus on its heading, not on <body>.
      await expect(page.getByRole('heading', { level: 1, name: tab })).toBeFocused();
    }
  });

  test('never sends the link’s token in a Referer, to this site or any other', async ({ page, baseURL, credentials, fixtures }) => {
    const session = await mintPortalSession(baseURL!, credentials.merchant, { customerId: fixtures.customers.e2eReferer });
    const token = new URL(session.url).pathname.split('/').pop()!;
    const referers: string[] = [];
    page.on('request', (request) => {
      const referer = request.headers()['referer'];
      if (referer) referers.push(referer);
    });
    // The merchant's support site stands in for any outside page the customer follows.
    await page.route('https://acme-cloud.example/**', (route) => {
      const referer = route.request().headers()['referer'];
      if (referer) referers.push(referer);
      return route.fulfill({ status: 200, contentType: 'text/html', body: '<title>Support</title>' });
    });
    await page.goto(session.url);
    await page.getByRole('navigation', { name: 'Billing sections' }).getByRole('link', { name: 'Invoices', exact: true }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Invoices' })).toBeVisible();
    await page.getByRole('link', { name: 'Support' }).click();
    await expect(page).toHaveURL('https://acme-cloud.example/support');
    expect(referers.filter((r) => r.includes(token))).toEqual([]);
    expect(referers).toEqual([]);
  });

  test('“Done” returns to the returnUrl exactly, and the portal no longer opens', async ({ page, baseURL, credentials, fixtures }) => {
    const returnUrl = `${baseURL}/?from=portal&ref=billing`;
    const session = await mintPortalSession(baseURL!, credentials.merchant, { customerId: fixtures.customers.e2eDone, returnUrl });
    await page.goto(session.url);
    await page.getByRole('button', { name: 'Done' }).click();
    await expect(page).toHaveURL(returnUrl);
    const response = await page.goto(`${baseURL}/portal`);
    expect(response!.status()).toBe(401);
    await expect(page.getByRole('heading', { name: 'Your billing session has ended' })).toBeVisible();
    // Not a dead end: whose portal it was, and the way back there.
    await expect(page.getByRole('link', { name: 'Return to Acme Cloud' })).toHaveAttribute('href', new URL(returnUrl).origin);
  });

  test('opening the same link again shows that it was used, with a way back', async ({ page, baseURL, credentials, fixtures }) => {
    const session = await mintPortalSession(baseURL!, credentials.merchant, { customerId: fixtures.customers.e2eUsed });
    await page.goto(session.url);
    const again = await page.context().browser()!.newPage();
    const response = await again.goto(session.url);
    expect(response!.status()).toBe(410);
    await expect(again.getByRole('heading', { name: 'This link has already been used' })).toBeVisible();
    await expect(again.getByRole('link', { name: 'Return to Acme Cloud' })).toHaveAttribute('href', 'https://yourapp.com');
    await again.close();
  });

  test('a payment-method flow opens on its own, without the other sections', async ({ page, baseURL, credentials, fixtures }) => {
    const session = await mintPortalSession(baseURL!, credentials.merchant, { customerId: fixtures.customers.e2eFlow, flow: { type: 'payment_method_update' } });
    await page.goto(`${session.url}?tab=invoices`);
    await expect(page).toHaveURL(`${baseURL}/portal/flow/payment-method`);
    await expect(page.getByRole('heading', { level: 1, name: 'Update your payment method' })).toBeVisible();
    await expect(page.getByRole('navigation', { name: 'Billing sections' })).toHaveCount(0);
    await expect(page.getByRole('button', { name: 'Done' })).toBeVisible();
  });

  for (const colorScheme of ['light', 'dark'] as const) {
    test(`the overview has no accessibility violations in ${colorScheme} mode`, async ({ page, baseURL, credentials, fixtures }) => {
      await page.emulateMedia({ colorScheme });
      const customerId = colorScheme === 'light' ? fixtures.customers.e2eA11yLight : fixtures.customers.e2eA11yDark;
      const session = await mintPortalSession(baseURL!, credentials.merchant, { customerId });
      await page.goto(session.url);
      expect(await accessibilityViolations(page)).toEqual([]);
    });
  }
});
