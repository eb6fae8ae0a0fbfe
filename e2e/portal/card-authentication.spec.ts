import { onOwedInvoice } from '../support/owing-customer';
import { accessibilityViolations, expect, test } from '../support/test';

// 3-D Secure in Chromium: a renewal charged without the customer needed their bank, so they pay it
// in the portal and pass the test bank's check with the keyboard alone; a card whose check they fail
// is not saved, and the page they come back to says so.
test('a customer confirms a payment with their bank, and a failed check saves no card', async ({ page, baseURL, fixtures }) => {
  const { plugipay, customer, subscription } = await onOwedInvoice(page, { baseURL: baseURL!, fixtures, token: 'tok_threeDSecureRequired', unitAmount: 1500 });
  const pay = page.getByRole('button', { name: 'Pay €15.00' });
  await pay.focus();
  await page.keyboard.press('Enter');

  await expect(page.getByRole('heading', { name: "Confirm it's you" })).toBeVisible();
  await expect(page.getByText(/asks to charge €15\.00 to your Visa card ending in 3184/)).toBeVisible();
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme });
    expect(await accessibilityViolations(page), colorScheme).toEqual([]);
  }
  await page.getByRole('button', { name: 'Complete authentication' }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByText('Thank you. The invoice is paid.')).toBeVisible();
  await expect(page).toHaveURL(/\/portal\/invoices\/inv_\w+\?authentication=invoice_paid$/);
  expect((await plugipay.subscriptions.retrieve(subscription.id)).status).toBe('active');

  await page.getByRole('navigation').getByRole('link', { name: 'Payment method', exact: true }).click();
  await page.getByRole('button', { name: 'Add a card' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('Card number').fill('4000 0027 6000 3184');
  await dialog.getByLabel('Expiry (MM/YY)').fill(`12/${(new Date().getUTCFullYear() + 2) % 100}`);
  await dialog.getByLabel('Security code (CVC)').fill('321');
  await dialog.getByRole('button', { name: 'Save card' }).click();
  await expect(page.getByText(/asks to save your Visa card ending in 3184/)).toBeVisible();
  await page.getByRole('button', { name: 'Fail authentication' }).click();
  // (Next.js keeps an empty alert region of its own for route announcements.)
  await expect(page.getByRole('alert').filter({ hasText: /Your bank did not confirm it\. Nothing was charged or saved/ })).toBeVisible();
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme });
    expect(await accessibilityViolations(page), colorScheme).toEqual([]);
  }
  expect((await plugipay.paymentMethods.list(customer.id)).data).toHaveLength(1);
});
