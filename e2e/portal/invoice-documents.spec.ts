import { mintPortalSession } from '../../lib/testing/portal-links';
import { expect, test } from '../support/test';

const amounts = (text: string) => text.replace(/[\u00a0\u202f]/g, ' ');

test('the next charge is what renewals charge: tax included, and how it adds up', async ({ page, baseURL, credentials, fixtures }) => {
  const session = await mintPortalSession(baseURL!, credentials.merchant, { customerId: fixtures.customers.e2eNextCharge });
  await page.goto(session.url);
  const plan = page.getByRole('region', { name: 'Current plan' });
  await expect(plan).toContainText(/Next charge: €14\.52 on [A-Z][a-z]{2} \d{1,2}, \d{4}/);
  await expect(page.getByLabel('How the next charge adds up')).toHaveText(/Subtotal\s*€12\.00\s*VAT \(21%\)\s*€2\.52\s*Total\s*€14\.52/);
  // The invoices the renewals made charge exactly that.
  const latest = page.getByRole('region', { name: 'Latest invoice' });
  await expect(latest.locator('data')).toHaveText('€14.52');
  // It opens as a page of its own, which charged the same.
  await latest.getByRole('link', { name: /^T\S+-\d{4}$/ }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(/^Invoice T\S+-\d{4}$/);
  await expect(page.getByRole('main').locator('dl').last()).toContainText(/Total\s*€14\.52/);
  await page.getByRole('navigation').getByRole('link', { name: 'Subscription', exact: true }).click();
  await expect(page.getByRole('main')).toContainText(/Next charge: €14\.52 on/);
});

test('an invoice opens as a page with its lines, tax and payments; its receipt links back to it', async ({ page, baseURL, credentials, fixtures }) => {
  const session = await mintPortalSession(baseURL!, credentials.merchant, { customerId: fixtures.customers.e2eInvoicePage, locale: 'en' });
  await page.goto(`${session.url}?tab=invoices`);
  const first = page.getByRole('main').getByRole('listitem').first();
  const number = (await first.getByRole('link').first().textContent())!;
  await first.getByRole('link', { name: number, exact: true }).click();

  await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Invoice ${number}`);
  const main = page.getByRole('main');
  await expect(main.getByText('Paid', { exact: true })).toBeVisible();
  await expect(main.getByRole('listitem').first()).toContainText('Acme Cloud Pro (Indonesia)');
  expect(amounts(await main.getByRole('listitem').first().innerText())).toContain('1 × IDR 150,000');
  expect(amounts(await main.locator('dl').last().innerText())).toMatch(
    /Subtotal\s+IDR 150,000\s+PPN \(11%\)\s+IDR 16,500\s+Total\s+IDR 166,500\s+Amount paid\s+IDR 166,500\s+Amount due\s+IDR 0/,
  );
  await expect(main.getByRole('link', { name: /^Download PDF/ })).toHaveAttribute('href', /\/portal\/invoices\/inv_[0-9A-Z]{26}\/pdf$/);

  // Its payment opens the receipt, which says how it was paid and leads back to the invoice.
  const payments = main.getByRole('region', { name: 'Payments' });
  await payments.getByRole('link').first().click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(/^Receipt \S+-R\d{4}$/);
  await expect(page.getByRole('main')).toContainText(/Paid with Visa ending in 1881 on [A-Z][a-z]{2} \d{1,2}, \d{4}/);
  await page.getByRole('main').getByRole('link', { name: `Invoice ${number}` }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Invoice ${number}`);

  // The receipts list shows each payment's state and the invoice it paid.
  await page.getByRole('navigation').getByRole('link', { name: 'Receipts', exact: true }).click();
  const receipt = page.getByRole('main').getByRole('listitem').first();
  await expect(receipt.getByText('Paid', { exact: true })).toBeVisible();
  await expect(receipt.getByRole('link', { name: `Invoice ${number}` })).toHaveAttribute('href', /\/portal\/invoices\/inv_/);
});
