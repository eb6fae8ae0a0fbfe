import { mintPortalSession } from '../../lib/testing/portal-links';
import { accessibilityViolations, expect, hasHorizontalScroll, test } from '../support/test';
import { messagesOf } from './support';

const COMBINATIONS = [
  ['en', 'light', 'e2eReachEnLight'],
  ['en', 'dark', 'e2eReachEnDark'],
  ['ja', 'light', 'e2eReachJaLight'],
  ['ja', 'dark', 'e2eReachJaDark'],
] as const;

const TABS = ['overview', 'receipts', 'payment-method', 'subscription', 'invoices'] as const;

for (const [locale, colorScheme, customer] of COMBINATIONS) {
  test(`every tab and dialog in ${locale}, ${colorScheme}, at 360 px: no axe violation, no horizontal scroll`, async ({ page, baseURL, credentials, fixtures }) => {
    test.setTimeout(120_000);
    const m = messagesOf(locale);
    await page.setViewportSize({ width: 360, height: 780 });
    await page.emulateMedia({ colorScheme });
    const session = await mintPortalSession(baseURL!, credentials.merchant, { customerId: fixtures.customers[customer], locale });
    await page.goto(session.url);
    const check = async (what: string) => {
      // After a change the page re-renders from the server, and for a moment during that refresh
      // Next.js swaps the <title>: judge the page as it settles (a lasting violation still fails). One
      // axe run takes seconds on two busy cores, so the settling gets room for several runs.
      await page.waitForLoadState('networkidle');
      await expect.poll(() => accessibilityViolations(page), { message: what, timeout: 15_000 }).toEqual([]);
      expect(await hasHorizontalScroll(page), `${what}: horizontal scroll`).toBe(false);
    };

    for (const tab of TABS) {
      const link = page.getByRole('navigation').getByRole('link', { name: m.Portal.tabs[tab], exact: true });
      await link.click();
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(m.Portal.tabs[tab]!);
      await expect(link).toHaveAttribute('aria-current', 'page');
      await check(tab);
    }

    await page.getByRole('navigation').getByRole('link', { name: m.Portal.tabs.receipts, exact: true }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(m.Portal.tabs.receipts!);
    await page.getByRole('main').getByRole('listitem').first().getByRole('link').first().click();
    await expect(page.getByRole('heading', { level: 1 })).toContainText(/R\d+/);
    await check('a receipt');
    await page.getByRole('main').getByRole('link', { name: /^\S+ \S+-\d{4}$/ }).first().click();
    await expect(page.getByRole('heading', { level: 1 })).toContainText(/\S+-\d{4}$/);
    await check('an invoice');

    await page.getByRole('navigation').getByRole('link', { name: m.Portal.tabs['payment-method'], exact: true }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(m.Portal.tabs['payment-method']!);
    await page.getByRole('button', { name: m.PortalActions.addCard }).click();
    await expect(page.getByRole('dialog', { name: m.PortalActions.addCardTitle })).toBeVisible();
    await check('the add-card dialog');
    // Save a second card, so that the first can be removed: the remove dialog is checked too.
    const addDialog = page.getByRole('dialog', { name: m.PortalActions.addCardTitle });
    await addDialog.getByLabel(m.PortalActions.cardNumber!).fill('5555 5555 5555 4444');
    await addDialog.getByLabel(m.PortalActions.expiry!).fill(`12/${String((new Date().getUTCFullYear() + 2) % 100).padStart(2, '0')}`);
    await addDialog.getByLabel(m.PortalActions.cvc!).fill('123');
    await addDialog.getByRole('button', { name: m.PortalActions.saveCard }).click();
    await expect(addDialog).toBeHidden();
    await expect(page.getByRole('status')).toHaveText(m.PortalActions.cardSaved!);
    await check('the card list after saving a card');
    const card = m.Portal.cardLabel!.replace('{brand}', 'Visa').replace('{last4}', '4242');
    await page.getByRole('button', { name: `${m.PortalActions.remove!} (${card})` }).click();
    await expect(page.getByRole('dialog', { name: m.PortalActions.removeConfirm!.replace('{card}', card) })).toBeVisible();
    await check('the remove-card dialog');
    await page.keyboard.press('Escape');

    await page.getByRole('navigation').getByRole('link', { name: m.Portal.tabs.subscription, exact: true }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(m.Portal.tabs.subscription!);
    await page.getByRole('button', { name: m.PortalActions.cancelSubscription }).click();
    await expect(page.getByRole('dialog', { name: m.PortalActions.cancelDialogTitle })).toBeVisible();
    await check('the cancel dialog');
    await page.keyboard.press('Escape');

    // Billing details, filled in with the keyboard: a country with a region field, and a tax ID.
    await page.getByRole('navigation').getByRole('link', { name: m.Portal.tabs.overview, exact: true }).click();
    await page.getByRole('region', { name: m.Portal.billingDetails }).getByRole('link', { name: m.Portal.editDetails }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(m.Portal.billingDetails!);
    await page.getByLabel(m.PortalActions.details.country!, { exact: true }).selectOption('JP');
    await page.getByLabel(m.PortalActions.details.city!, { exact: true }).fill('Shibuya');
    await page.getByRole('button', { name: m.PortalActions.details.addTaxId }).click();
    await page.getByLabel(m.PortalActions.details.taxIdValue!, { exact: true }).fill('1234567891234');
    await check('the billing details form');
    await page.getByLabel(m.PortalActions.details.taxIdValue!, { exact: true }).press('Enter');
    await expect(page.getByRole('status')).toHaveText(m.PortalActions.details.saved!);
    await check('the billing details form after saving');
  });
}
