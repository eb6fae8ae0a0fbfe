import { mintPortalSession } from '../../lib/testing/portal-links';
import { expect, test } from '../support/test';

test.describe('cancelling and resuming', () => {
  test('cancel at period end with a reason, using only the keyboard, then resume', async ({ page, baseURL, credentials, fixtures }) => {
    const session = await mintPortalSession(baseURL!, credentials.merchant, { customerId: fixtures.customers.e2eCancelResume });
    await page.goto(`${session.url}?tab=subscription`);
    const open = page.getByRole('button', { name: 'Cancel subscription' });
    await open.focus();
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog', { name: 'Cancel your subscription?' });
    await expect(dialog).toBeVisible();
    await expect(dialog).toContainText(/Your subscription stays active until \w{3} \d{1,2}, \d{4}/);
    // Focus is inside the dialog; Escape closes it and focus returns to the button.
    await page.keyboard.press('Escape');
    await expect(dialog).toBeHidden();
    await expect(open).toBeFocused();

    await page.keyboard.press('Enter');
    await dialog.getByRole('radio', { name: "It's too expensive" }).focus();
    await page.keyboard.press('Space');
    await dialog.getByRole('textbox').fill('Trying a cheaper plan');
    await dialog.getByRole('button', { name: 'Cancel subscription' }).focus();
    await page.keyboard.press('Enter');
    await expect(page.getByText(/Your subscription ends on/)).toBeVisible();
    // One state everywhere: the badge says when it cancels, on this tab and on the overview.
    const main = page.getByRole('main');
    await expect(main.getByText(/^Cancels on \w{3} \d{1,2}, \d{4}$/)).toBeVisible();
    await expect(main.getByText('Active', { exact: true })).toHaveCount(0);
    const tabs = page.getByRole('navigation', { name: 'Billing sections' });
    await tabs.getByRole('link', { name: 'Overview', exact: true }).click();
    await expect(main.getByText(/^Cancels on \w{3} \d{1,2}, \d{4}$/)).toBeVisible();
    await tabs.getByRole('link', { name: 'Subscription', exact: true }).click();

    await page.getByRole('button', { name: 'Resume subscription' }).click();
    await expect(page.getByText(/Next charge: \$29\.00 on/)).toBeVisible();
    await expect(main.getByText('Active', { exact: true })).toBeVisible();
  });

  test('cancel at once where the merchant configured it', async ({ page, baseURL, credentials, fixtures }) => {
    const session = await mintPortalSession(baseURL!, credentials.otherMerchant, { customerId: fixtures.customers.e2eCancelNow, locale: 'en' });
    await page.goto(`${session.url}?tab=subscription`);
    await page.getByRole('button', { name: 'Cancel subscription' }).click();
    const dialog = page.getByRole('dialog', { name: 'Cancel your subscription?' });
    await expect(dialog).toContainText('Your subscription ends now');
    // What happens to the time already paid for is said before the customer confirms.
    await expect(dialog).toContainText(/The time you have already paid for, up to [A-Z][a-z]{2} \d{1,2}, \d{4}, is not refunded\./);
    await dialog.getByRole('button', { name: 'Cancel subscription' }).click();
    await expect(page.getByText('You have no active subscription.')).toBeVisible();
  });

  test('the cancel flow finishes back at the returnUrl', async ({ page, baseURL, credentials, fixtures }) => {
    const peek = await mintPortalSession(baseURL!, credentials.merchant, { customerId: fixtures.customers.e2eCancelFlow });
    await page.goto(`${peek.url}?tab=subscription`);
    const html = await page.content();
    const subscriptionId = /sub_[0-9A-HJKMNP-TV-Z]{26}/.exec(html)![0];
    const returnUrl = `${baseURL}/?from=cancel-flow`;
    const session = await mintPortalSession(baseURL!, credentials.merchant, { customerId: fixtures.customers.e2eCancelFlow, returnUrl, flow: { type: 'subscription_cancel', subscriptionId } });
    await page.goto(session.url);
    await expect(page).toHaveURL(`${baseURL}/portal/flow/cancel`);
    const dialog = page.getByRole('dialog', { name: 'Cancel your subscription?' });
    await dialog.getByRole('button', { name: 'Cancel subscription' }).click();
    await expect(page).toHaveURL(returnUrl);
  });
});
