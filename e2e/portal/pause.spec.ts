import { PlugipayClient } from '../../lib/sdk/src/plugipay';
import { accessibilityViolations, expect, test } from '../support/test';

// Pausing instead of cancelling, as a customer does it with the keyboard alone, where the merchant
// (through the SDK) turned it on; the dialog is checked in light and dark.
test('a customer pauses payments for two months from the cancel dialog, with the keyboard alone', async ({ page, baseURL, fixtures }) => {
  const plugipay = new PlugipayClient({ ...fixtures.billingAccount, baseUrl: baseURL!, maxRetries: 0 });
  const customer = await plugipay.customers.create({ email: `pause-${Date.now()}@example.com`, name: 'Pia Pause' });
  const product = await plugipay.products.create({ name: 'Gym membership' });
  const price = await plugipay.prices.create({ product: product.id, currency: 'EUR', unitAmount: 3000, recurring: { interval: 'month' } });
  await plugipay.paymentMethods.attach(customer.id, { token: 'tok_visa' });
  const subscription = await plugipay.subscriptions.create({ customer: customer.id, items: [{ price: price.id }] });
  await plugipay.settings.updatePortal({ features: { subscriptionPause: { enabled: true, maxPeriods: 3 } } });
  try {
    const session = await plugipay.portalSessions.create({ customerId: customer.id, returnUrl: 'https://gym.example/account', locale: 'en' });
    await page.goto(session.url);
    await page.getByRole('navigation').getByRole('link', { name: 'Subscription', exact: true }).click();
    const cancel = page.getByRole('button', { name: 'Cancel subscription' });
    await cancel.focus();
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog', { name: 'Cancel your subscription?' });
    await expect(dialog.getByRole('group', { name: 'Need a break? Pause payments instead' })).toBeVisible();
    for (const colorScheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme });
      expect(await accessibilityViolations(page), colorScheme).toEqual([]);
    }
    await dialog.getByLabel('Pause for').focus();
    await page.keyboard.press('ArrowDown');
    await expect(dialog.getByLabel('Pause for')).toHaveValue('2');
    await page.keyboard.press('Tab');
    await expect(dialog.getByRole('button', { name: 'Pause payments' })).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(page.getByRole('status')).toHaveText('Your payments are paused.');
    await expect(page.getByRole('main')).toContainText(/Payments are paused until [A-Z][a-z]{2} \d{1,2}, \d{4}\./);
    expect((await plugipay.subscriptions.retrieve(subscription.id)).status).toBe('paused');
  } finally {
    await plugipay.settings.updatePortal({ features: { subscriptionPause: { enabled: false } } });
  }
});
