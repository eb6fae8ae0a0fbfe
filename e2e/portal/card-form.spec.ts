import { mintPortalSession } from '../../lib/testing/portal-links';
import { expect, test } from '../support/test';
import type { Page } from '@playwright/test';

const nextYear = String((new Date().getUTCFullYear() + 2) % 100).padStart(2, '0');

async function openAddCard(page: Page, url: string) {
  await page.goto(`${url}?tab=payment-method`);
  await page.getByRole('button', { name: 'Add a card' }).click();
  return page.getByRole('dialog', { name: 'Add a card' });
}

test.describe('the add-card form', () => {
  test('groups the number by brand and names the brand as it is typed, formats the expiry, sizes the CVC', async ({ page, baseURL, credentials, fixtures }) => {
    const session = await mintPortalSession(baseURL!, credentials.merchant, { customerId: fixtures.customers.e2eCardFormat });
    const dialog = await openAddCard(page, session.url);
    const number = dialog.getByLabel('Card number');
    const expiry = dialog.getByLabel('Expiry (MM/YY)');
    const cvc = dialog.getByLabel('Security code (CVC)');
    await expect(number).toHaveAttribute('autocomplete', 'cc-number');
    await expect(number).toHaveAttribute('inputmode', 'numeric');
    await expect(expiry).toHaveAttribute('autocomplete', 'cc-exp');
    await expect(cvc).toHaveAttribute('autocomplete', 'cc-csc');

    await number.pressSequentially('5555555555554444');
    await expect(number).toHaveValue('5555 5555 5555 4444');
    await expect(number).toHaveAccessibleDescription('Mastercard');
    await expect(cvc).toHaveAttribute('maxlength', '3');
    await expect(cvc).toHaveAccessibleDescription('3 digits on the back of the card');

    await number.fill('');
    await number.pressSequentially('378282246310005');
    await expect(number).toHaveValue('3782 822463 10005');
    await expect(number).toHaveAccessibleDescription('American Express');
    await cvc.pressSequentially('12345');
    await expect(cvc).toHaveValue('1234');
    await expect(cvc).toHaveAccessibleDescription('4 digits on the front of the card');

    // Pasted with dashes, it is grouped all the same.
    await number.fill('');
    await number.focus();
    await page.keyboard.insertText('4242-4242-4242-4242');
    await expect(number).toHaveValue('4242 4242 4242 4242');

    await expiry.pressSequentially('1230');
    await expect(expiry).toHaveValue('12/30');
    await expiry.press('Backspace');
    await expiry.press('Backspace');
    await expect(expiry).toHaveValue('12');
    await expiry.fill('');
    await expiry.pressSequentially('4');
    await expect(expiry).toHaveValue('04/');
  });

  test('puts each refusal on the field at fault, the processor’s included', async ({ page, baseURL, credentials, fixtures }) => {
    const session = await mintPortalSession(baseURL!, credentials.merchant, { customerId: fixtures.customers.e2eCardFieldErrors });
    const dialog = await openAddCard(page, session.url);
    const save = dialog.getByRole('button', { name: 'Save card' });
    await dialog.getByLabel('Card number').fill('4000000000000127');
    await dialog.getByLabel('Expiry (MM/YY)').fill(`12/${nextYear}`);
    await dialog.getByLabel('Security code (CVC)').fill('123');
    await save.click();
    await expect(dialog.getByLabel('Security code (CVC)')).toHaveAttribute('aria-invalid', 'true');
    await expect(dialog.getByLabel('Security code (CVC)')).toHaveAccessibleDescription(/^The security code is incorrect\./);
    await expect(dialog.getByLabel('Card number')).not.toHaveAttribute('aria-invalid', 'true');

    await dialog.getByLabel('Card number').fill('4000000000000069');
    await save.click();
    await expect(dialog.getByLabel('Expiry (MM/YY)')).toHaveAttribute('aria-invalid', 'true');
    await expect(dialog.getByLabel('Expiry (MM/YY)')).toHaveAccessibleDescription('This card has expired.');

    await dialog.getByLabel('Card number').fill('378282246310005');
    await dialog.getByLabel('Security code (CVC)').fill('123');
    await save.click();
    await expect(dialog.getByLabel('Security code (CVC)')).toHaveAccessibleDescription(/^Enter the 4-digit security code from the front of the card\./);
  });

  test('refuses a card that is already saved, saying so', async ({ page, baseURL, credentials, fixtures }) => {
    const session = await mintPortalSession(baseURL!, credentials.merchant, { customerId: fixtures.customers.e2eCardDuplicate });
    const dialog = await openAddCard(page, session.url);
    const fillVisa = async () => {
      await dialog.getByLabel('Card number').fill('4242 4242 4242 4242');
      await dialog.getByLabel('Expiry (MM/YY)').fill(`11/${nextYear}`);
      await dialog.getByLabel('Security code (CVC)').fill('123');
      await dialog.getByRole('button', { name: 'Save card' }).click();
    };
    await fillVisa();
    await expect(dialog).toBeHidden();
    await page.getByRole('button', { name: 'Add a card' }).click();
    await fillVisa();
    await expect(dialog.getByLabel('Card number')).toHaveAccessibleDescription(/^This card is already saved\. Nothing was changed\./);
    await page.reload();
    await expect(page.getByRole('main').getByText('Visa ending in 4242', { exact: true })).toHaveCount(1);
  });

  test('has its placeholders in the customer’s language', async ({ page, baseURL, credentials, fixtures }) => {
    const session = await mintPortalSession(baseURL!, credentials.merchant, { customerId: fixtures.customers.e2eCardGerman, locale: 'de' });
    await page.goto(`${session.url}?tab=payment-method`);
    await page.getByRole('button', { name: 'Karte hinzufügen' }).click();
    await expect(page.getByRole('dialog').getByLabel('Gültig bis (MM/JJ)')).toHaveAttribute('placeholder', 'MM/JJ');
  });
});

test.describe('submit buttons', () => {
  test('send once, however fast they are clicked twice', async ({ page, baseURL, credentials, fixtures }) => {
    const session = await mintPortalSession(baseURL!, credentials.merchant, { customerId: fixtures.customers.e2eDoubleSubmit });
    const posts: string[] = [];
    page.on('request', (request) => {
      if (request.method() === 'POST' && request.url().includes('/portal/api/')) posts.push(new URL(request.url()).pathname);
    });
    const dialog = await openAddCard(page, session.url);
    await dialog.getByLabel('Card number').fill('5555 5555 5555 4444');
    await dialog.getByLabel('Expiry (MM/YY)').fill(`12/${nextYear}`);
    await dialog.getByLabel('Security code (CVC)').fill('123');
    await dialog.getByRole('button', { name: 'Save card' }).dblclick();
    await expect(page.getByRole('status')).toHaveText('Your card was saved.');

    await page.goto('/portal/subscription');
    await page.getByRole('button', { name: 'Cancel subscription' }).click();
    await page.getByRole('dialog', { name: 'Cancel your subscription?' }).getByRole('button', { name: 'Cancel subscription' }).dblclick();
    await expect(page.getByText(/Your subscription ends on/)).toBeVisible();
    expect(posts).toEqual(['/portal/api/payment-methods', '/portal/api/subscription/cancel']);
  });
});
