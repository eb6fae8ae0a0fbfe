import { PlugipayClient } from '../../lib/sdk/src/plugipay';
import { accessibilityViolations, expect, test } from '../support/test';

// Both tests set the billing account's plan offer: one after the other.
test.describe.configure({ mode: 'serial' });

/**
 * A customer on a Solo plan (€10 a month, paid) whose merchant offers Team (€40) as an upgrade billed
 * at once; with `chargeToken`, charges from now on go to that card instead.
 */
async function soloSubscriber(plugipay: PlugipayClient, name: string, chargeToken?: 'tok_chargeCustomerFail') {
  const customer = await plugipay.customers.create({ email: `plan-${Date.now()}@example.com`, name });
  const plan = async (planName: string, unitAmount: number) => {
    const product = await plugipay.products.create({ name: planName, description: `The ${planName} plan` });
    return plugipay.prices.create({ product: product.id, currency: 'EUR', unitAmount, recurring: { interval: 'month' } });
  };
  const [solo, team] = [await plan(`Solo ${Date.now()}`, 1000), await plan(`Team ${Date.now()}`, 4000)];
  await plugipay.paymentMethods.attach(customer.id, { token: 'tok_visa' });
  const subscription = await plugipay.subscriptions.create({ customer: customer.id, items: [{ price: solo.id }] });
  if (chargeToken) await plugipay.paymentMethods.attach(customer.id, { token: chargeToken, makeDefault: true });
  const offered = [solo, team].map((price) => ({ product: price.product, prices: [price.id] }));
  await plugipay.settings.updatePortal({ features: { subscriptionUpdate: { enabled: true, products: offered, prorationBehavior: 'always_invoice', downgradeTiming: 'period_end', quantity: { enabled: false } } } });
  return { customer, solo, team, subscription };
}

// Changing plan as a customer does it with the keyboard alone, from a link minted with the SDK, where
// the merchant offers two plans; the preview is checked in light and dark, and what is charged is
// what it said.
test('a customer upgrades with the keyboard alone and is charged exactly the preview', async ({ page, baseURL, fixtures }) => {
  const plugipay = new PlugipayClient({ ...fixtures.billingAccount, baseUrl: baseURL!, maxRetries: 0 });
  const { customer, team, subscription } = await soloSubscriber(plugipay, 'Uma Upgrade');
  try {
    const session = await plugipay.portalSessions.create({ customerId: customer.id, returnUrl: 'https://saas.example/account', locale: 'en' });
    await page.goto(session.url);
    await page.getByRole('navigation').getByRole('link', { name: 'Subscription', exact: true }).click();
    await page.getByRole('link', { name: 'Change plan' }).focus();
    await page.keyboard.press('Enter');
    await expect(page.getByRole('heading', { level: 1, name: 'Change plan' })).toBeVisible();
    const choices = page.getByRole('group', { name: 'Choose a plan' });
    await expect(choices.getByRole('radio')).toHaveCount(2);
    await expect(choices.getByRole('radio').first()).toBeDisabled();
    await choices.getByRole('radio', { name: /€40\.00 per month/ }).focus();
    await page.keyboard.press('Space');
    await page.keyboard.press('Tab');
    await expect(page.getByRole('button', { name: 'Review change' })).toBeFocused();
    await page.keyboard.press('Enter');

    await expect(page.getByRole('heading', { level: 1, name: 'Review your new plan' })).toBeVisible();
    const dueToday = page.getByRole('region', { name: 'Due today' });
    const amount = await dueToday.getByRole('heading').locator('data').getAttribute('value');
    expect(Number(amount)).toBeGreaterThan(0);
    for (const colorScheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme });
      expect(await accessibilityViolations(page), colorScheme).toEqual([]);
    }
    const confirm = page.getByRole('button', { name: /^Confirm and pay €\d+\.\d{2}$/ });
    await confirm.focus();
    await page.keyboard.press('Enter');
    await expect(page.getByRole('status')).toHaveText('Your plan has changed.');
    await expect(page).toHaveURL(new RegExp(`/portal/subscription/${subscription.id}$`));
    await expect(page.getByRole('main')).toContainText('Next charge: €40.00');

    const changed = await plugipay.subscriptions.retrieve(subscription.id);
    expect(changed.items.map((item) => item.price.id)).toEqual([team.id]);
    const [latest] = (await plugipay.payments.list({ customer: customer.id, limit: 1 })).data;
    expect(latest!.amount / 100).toBe(Number(amount));
  } finally {
    await plugipay.settings.updatePortal({ features: { subscriptionUpdate: { enabled: false, products: [] } } });
  }
});

test('a declined upgrade says so on the review and leaves the plan as it was', async ({ page, baseURL, fixtures }) => {
  const plugipay = new PlugipayClient({ ...fixtures.billingAccount, baseUrl: baseURL!, maxRetries: 0 });
  const { customer, solo, team, subscription } = await soloSubscriber(plugipay, 'Dee Clined', 'tok_chargeCustomerFail');
  try {
    const session = await plugipay.portalSessions.create({ customerId: customer.id, returnUrl: 'https://saas.example/account', locale: 'en' });
    await page.goto(session.url);
    await page.goto(`/portal/subscription/${subscription.id}/change/confirm?price=${team.id}`);
    await page.getByRole('button', { name: /^Confirm and pay €\d+\.\d{2}$/ }).click();
    await expect(page.getByRole('main').getByRole('alert')).toHaveText('Your card was declined. Nothing was changed; try another card.');
    await expect(page).toHaveURL(/\/change\/confirm\?/);
    expect((await plugipay.subscriptions.retrieve(subscription.id)).items.map((item) => item.price.id)).toEqual([solo.id]);
  } finally {
    await plugipay.settings.updatePortal({ features: { subscriptionUpdate: { enabled: false, products: [] } } });
  }
});
