import { mintPortalSession } from '../../lib/testing/portal-links';
import { expect, test } from '../support/test';
import { tabTo } from './support';

// The keyboard alone: Tab, Shift+Tab, Enter, Space, arrows and typing; no clicks, no focus() calls.

test('the whole cancel flow, and resuming, with the keyboard alone', async ({ page, baseURL, credentials, fixtures }) => {
  const session = await mintPortalSession(baseURL!, credentials.merchant, { customerId: fixtures.customers.e2eKeyboardCancel });
  await page.goto(session.url);
  await tabTo(page, page.getByRole('navigation').getByRole('link', { name: 'Subscription', exact: true }));
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'Subscription' })).toBeVisible();

  const open = page.getByRole('button', { name: 'Cancel subscription' });
  await tabTo(page, open);
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog', { name: 'Cancel your subscription?' });
  await expect(dialog).toBeVisible();
  // Focus moved into the dialog and stays there: Tab cycles inside it.
  expect(await dialog.evaluate((el) => el.contains(document.activeElement))).toBe(true);
  for (const key of [...Array(8).fill('Tab'), ...Array(8).fill('Shift+Tab')]) {
    await page.keyboard.press(key);
    expect(await dialog.evaluate((el) => el.contains(document.activeElement)), `${key} left the dialog`).toBe(true);
  }

  await tabTo(page, dialog.getByRole('radio').first());
  await page.keyboard.press('Space');
  await page.keyboard.press('ArrowDown');
  await expect(dialog.getByRole('radio', { name: 'Some features are missing' })).toBeChecked();
  await tabTo(page, dialog.getByRole('textbox'));
  await page.keyboard.type('Missing exports');
  await tabTo(page, dialog.getByRole('button', { name: 'Cancel subscription' }));
  await page.keyboard.press('Enter');
  await expect(page.getByText(/Your subscription ends on/)).toBeVisible();
  await expect(page.getByRole('status').or(page.getByRole('alert')).filter({ hasText: /canceled/ })).toBeVisible();

  await tabTo(page, page.getByRole('button', { name: 'Resume subscription' }));
  await page.keyboard.press('Enter');
  await expect(page.getByText(/Next charge: \$29\.00 on/)).toBeVisible();
});

test('adding a card with the keyboard alone', async ({ page, baseURL, credentials, fixtures }) => {
  const nextYear = String((new Date().getUTCFullYear() + 2) % 100).padStart(2, '0');
  const session = await mintPortalSession(baseURL!, credentials.merchant, { customerId: fixtures.customers.e2eKeyboardCard });
  await page.goto(`${session.url}?tab=payment-method`);
  const open = page.getByRole('button', { name: 'Add a card' });
  await tabTo(page, open);
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog', { name: 'Add a card' });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByLabel('Card number')).toBeFocused();
  await page.keyboard.type('4242 4242 4242 4242');
  await page.keyboard.press('Tab');
  await page.keyboard.type(`12/${nextYear}`);
  await page.keyboard.press('Tab');
  await page.keyboard.type('123');
  await page.keyboard.press('Tab');
  await page.keyboard.type('Kim Keyboard');
  await tabTo(page, dialog.getByRole('button', { name: 'Save card' }));
  await page.keyboard.press('Enter');
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('status')).toHaveText('Your card was saved.');
  await expect(page.getByRole('main').getByText('Visa ending in 4242', { exact: true })).toBeVisible();
  // Focus went back where it was, on the button that opened the dialog.
  await expect(open).toBeFocused();
});

test('every tab stop shows where the focus is', async ({ page, baseURL, credentials, fixtures }) => {
  const session = await mintPortalSession(baseURL!, credentials.merchant, { customerId: fixtures.customers.e2eFocus });
  await page.goto(`${session.url}?tab=payment-method`);
  const seen: string[] = [];
  for (let i = 0; i < 25; i++) {
    await page.keyboard.press('Tab');
    const focus = await page.evaluate(() => {
      const el = document.activeElement as HTMLElement | null;
      if (!el || el === document.body) return undefined;
      const style = getComputedStyle(el);
      return { what: `${el.tagName} ${el.textContent?.trim().slice(0, 30) ?? ''}`, outline: style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2 };
    });
    if (!focus) break;
    seen.push(focus.what);
    expect(focus.outline, `no visible focus on ${focus.what}`).toBe(true);
  }
  expect(seen.length).toBeGreaterThan(8);
});
