import { onOwedInvoice } from '../support/owing-customer';
import { accessibilityViolations, expect, test } from '../support/test';

// Paying what is owed with the keyboard alone: the default card was declined, so the customer picks
// another saved card and pays; the subscription that waited on the invoice is active again.
test('a customer pays a declined invoice with another saved card, with the keyboard alone', async ({ page, baseURL, fixtures }) => {
  const { plugipay, customer, subscription } = await onOwedInvoice(page, { baseURL: baseURL!, fixtures, token: 'tok_chargeCustomerFail', unitAmount: 1500 });
  await plugipay.paymentMethods.attach(customer.id, { token: 'tok_mastercard' });
  await page.reload();
  const payWith = page.getByLabel('Pay with', { exact: true });
  await expect(payWith).toBeVisible();
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme });
    expect(await accessibilityViolations(page), colorScheme).toEqual([]);
  }
  await payWith.focus();
  await page.keyboard.press('ArrowDown');
  await expect(payWith.locator('option:checked')).toHaveText('Mastercard ending in 4444');
  await page.keyboard.press('Shift+Tab');
  await expect(page.getByRole('button', { name: 'Pay €15.00' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('status')).toHaveText('Thank you. The invoice is paid.');
  expect((await plugipay.subscriptions.retrieve(subscription.id)).status).toBe('active');
  const [payment] = (await plugipay.payments.list({ customer: customer.id, limit: 1 })).data;
  expect(payment).toMatchObject({ amount: 1500, status: 'succeeded' });
});

test('a customer pays an open invoice with a new card, added from the invoice itself', async ({ page, baseURL, fixtures }) => {
  const { plugipay, customer, subscription } = await onOwedInvoice(page, { baseURL: baseURL!, fixtures, token: 'tok_chargeCustomerFail', unitAmount: 900 });
  await page.getByRole('button', { name: 'Pay with a new card' }).click();
  const dialog = page.getByRole('dialog', { name: 'Pay with a new card' });
  await dialog.getByLabel('Card number').fill('5555 5555 5555 4444');
  await dialog.getByLabel('Expiry (MM/YY)').fill(`12/${(new Date().getUTCFullYear() + 2) % 100}`);
  await dialog.getByLabel('Security code (CVC)').fill('123');
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme });
    expect(await accessibilityViolations(page), colorScheme).toEqual([]);
  }
  await dialog.getByRole('button', { name: 'Save card' }).click();
  await expect(page.getByRole('status')).toHaveText('Thank you. The invoice is paid.');
  expect((await plugipay.subscriptions.retrieve(subscription.id)).status).toBe('active');
  const [payment] = (await plugipay.payments.list({ customer: customer.id, limit: 1 })).data;
  expect(payment).toMatchObject({ amount: 900, status: 'succeeded', card: { last4: '4444' } });
});
