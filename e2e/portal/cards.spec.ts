import { mintPortalSession } from '../../lib/testing/portal-links';
import { expect, test } from '../support/test';

const nextYear = String((new Date().getUTCFullYear() + 2) % 100).padStart(2, '0');

test.describe('managing cards', () => {
  test('add a test card, make it the default, remove the old one', async ({ page, baseURL, credentials, fixtures }) => {
    const session = await mintPortalSession(baseURL!, credentials.merchant, { customerId: fixtures.customers.e2eCards });
    await page.goto(`${session.url}?tab=payment-method`);
    await page.getByRole('button', { name: 'Add a card' }).click();
    const dialog = page.getByRole('dialog', { name: 'Add a card' });
    await dialog.getByLabel('Card number').fill('5555 5555 5555 4444');
    await dialog.getByLabel('Expiry (MM/YY)').fill(`12/${nextYear}`);
    await dialog.getByLabel('Security code (CVC)').fill('123');
    await dialog.getByRole('checkbox', { name: 'Make this my default card' }).uncheck();
    await dialog.getByRole('button', { name: 'Save card' }).click();
    await expect(dialog).toBeHidden();
    await expect(page.getByRole('status')).toHaveText('Your card was saved.');
    await expect(page.getByRole('main').getByText('Mastercard ending in 4444', { exact: true })).toBeVisible();

    await page.getByRole('button', { name: 'Make default (Mastercard ending in 4444)' }).click();
    await expect(page.getByRole('button', { name: 'Remove (Visa ending in 4242)' })).toBeVisible();
    await page.getByRole('button', { name: 'Remove (Visa ending in 4242)' }).click();
    const confirm = page.getByRole('dialog', { name: 'Remove Visa ending in 4242?' });
    await confirm.getByRole('button', { name: 'Remove' }).click();
    await expect(page.getByRole('main').getByText('Visa ending in 4242', { exact: true })).toHaveCount(0);
    await expect(page.getByRole('main').getByText('Mastercard ending in 4444', { exact: true })).toBeVisible();
  });

  test('a declined test card shows why, in words, and changes nothing', async ({ page, baseURL, credentials, fixtures }) => {
    const session = await mintPortalSession(baseURL!, credentials.merchant, { customerId: fixtures.customers.e2eDeclined });
    await page.goto(`${session.url}?tab=payment-method`);
    const cardsBefore = await page.getByRole('main').getByRole('listitem').allTextContents();
    await page.getByRole('button', { name: 'Add a card' }).click();
    const dialog = page.getByRole('dialog', { name: 'Add a card' });
    await dialog.getByLabel('Card number').fill('4000 0000 0000 0002');
    await dialog.getByLabel('Expiry (MM/YY)').fill(`12/${nextYear}`);
    await dialog.getByLabel('Security code (CVC)').fill('123');
    await dialog.getByRole('button', { name: 'Save card' }).click();
    await expect(dialog.getByRole('alert')).toHaveText('Your card was declined. Nothing was changed; try another card.');
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await page.reload();
    expect(await page.getByRole('main').getByRole('listitem').allTextContents()).toEqual(cardsBefore);
  });

  test('checks the card before sending it, with each error tied to its field', async ({ page, baseURL, credentials, fixtures }) => {
    const session = await mintPortalSession(baseURL!, credentials.merchant, { customerId: fixtures.customers.e2eCardErrors });
    await page.goto(`${session.url}?tab=payment-method`);
    await page.getByRole('button', { name: 'Add a card' }).click();
    const dialog = page.getByRole('dialog', { name: 'Add a card' });
    await dialog.getByLabel('Card number').fill('4242 4242 4242 4241');
    await dialog.getByLabel('Expiry (MM/YY)').fill('01/20');
    await dialog.getByLabel('Security code (CVC)').fill('1');
    await dialog.getByRole('button', { name: 'Save card' }).click();
    await expect(dialog.getByLabel('Card number')).toHaveAccessibleDescription(/^Enter a valid card number\./);
    await expect(dialog.getByLabel('Expiry (MM/YY)')).toHaveAccessibleDescription('This card has expired.');
    await expect(dialog.getByLabel('Security code (CVC)')).toHaveAccessibleDescription(/^Enter the security code from the back of the card\./);
    await expect(dialog.getByLabel('Card number')).toHaveAttribute('aria-invalid', 'true');
  });

  test('the payment-method flow adds a card and returns to the merchant', async ({ page, baseURL, credentials, fixtures }) => {
    const returnUrl = `${baseURL}/?from=card-flow`;
    const session = await mintPortalSession(baseURL!, credentials.merchant, { customerId: fixtures.customers.e2eCardFlow, returnUrl, flow: { type: 'payment_method_update' } });
    await page.goto(session.url);
    await page.getByLabel('Card number').fill('4242424242424242');
    await page.getByLabel('Expiry (MM/YY)').fill(`12/${nextYear}`);
    await page.getByLabel('Security code (CVC)').fill('123');
    await page.getByLabel('Security code (CVC)').press('Enter');
    await expect(page).toHaveURL(returnUrl);
  });

  test('a dialog opened again before the last close event arrives stays open', async ({ page, baseURL, credentials, fixtures }) => {
    const session = await mintPortalSession(baseURL!, credentials.merchant, { customerId: fixtures.customers.e2eCardErrors });
    await page.goto(`${session.url}?tab=payment-method`);
    const opener = page.getByRole('button', { name: 'Add a card' });
    const dialog = page.getByRole('dialog', { name: 'Add a card' });
    await opener.click();
    await expect(dialog).toBeVisible();
    // Escape then Enter before the browser delivers the close event: a close request (what Escape
    // makes), the microtasks that run between two key presses, a click, then wait until the close
    // event has been handled.
    await opener.evaluate(async (button: HTMLElement) => {
      const element = document.querySelector('dialog')!;
      const closed = new Promise((resolve) => element.addEventListener('close', () => setTimeout(resolve, 0), { once: true }));
      element.requestClose();
      await Promise.resolve();
      button.click();
      await closed;
    });
    await expect(dialog).toBeVisible();
    await expect(dialog.getByLabel('Card number')).toBeFocused();
  });
});
