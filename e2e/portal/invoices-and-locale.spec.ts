import { readFileSync } from 'node:fs';
import { mintPortalSession } from '../../lib/testing/portal-links';
import { pdfText } from '../../lib/testing/pdf-text';
import { expect, test } from '../support/test';

test('an invoice downloads as a PDF whose text holds its number and formatted total', async ({ page, baseURL, credentials, fixtures }) => {
  const session = await mintPortalSession(baseURL!, credentials.merchant, { customerId: fixtures.customers.e2eIdr, locale: 'id' });
  await page.goto(`${session.url}?tab=invoices`);
  const first = page.getByRole('main').getByRole('listitem').first();
  const number = (await first.getByRole('link').first().textContent())!;
  const total = (await first.locator('data[data-currency]').textContent())!;
  const download = page.waitForEvent('download');
  await first.locator('a[href$="/pdf"]').click();
  const file = await download;
  expect(file.suggestedFilename()).toBe(`invoice-${number}.pdf`);
  const bytes = new Uint8Array(await (await file.createReadStream()).toArray().then((chunks) => Buffer.concat(chunks)));
  expect(Buffer.from(bytes.subarray(0, 5)).toString()).toBe('%PDF-');
  const text = await pdfText(bytes);
  expect(text).toContain(number);
  expect(text.replace(/\u00a0/g, ' ')).toContain(total.replace(/\u00a0/g, ' '));
  // IDR has no minor unit: whole rupiah, no decimals.
  expect(total.replace(/\u00a0/g, ' ')).toMatch(/^Rp \d{1,3}(\.\d{3})*$/);
});

test('IDR amounts show no decimals anywhere in the portal', async ({ page, baseURL, credentials, fixtures }) => {
  const session = await mintPortalSession(baseURL!, credentials.merchant, { customerId: fixtures.customers.e2eIdrAmounts, locale: 'id' });
  await page.goto(session.url);
  const text = (await page.locator('main').innerText()).replace(/\u00a0/g, ' ');
  expect(text).toContain('Rp 150.000');
  expect(text).not.toMatch(/Rp [\d.]+,\d\d/);
});

const messages = (locale: string) => JSON.parse(readFileSync(`lib/i18n/messages/${locale}.json`, 'utf8')) as unknown;

// Every English message that Indonesian words differently; none may appear on an Indonesian page.
function englishOnly(a: unknown, b: unknown, out: string[] = []): string[] {
  if (typeof a === 'string') {
    if (a !== b && !a.includes('{') && a.length > 3) out.push(a);
  } else if (a && typeof a === 'object') {
    for (const key of Object.keys(a)) englishOnly((a as Record<string, unknown>)[key], (b as Record<string, unknown>)?.[key], out);
  }
  return out;
}

test('a session in Bahasa Indonesia shows no English string on any tab', async ({ page, baseURL, credentials, fixtures }) => {
  const english = englishOnly(messages('en'), messages('id'));
  const session = await mintPortalSession(baseURL!, credentials.merchant, { customerId: fixtures.customers.e2eIndonesian, locale: 'id' });
  await page.goto(session.url);
  await expect(page.locator('html')).toHaveAttribute('lang', 'id');
  for (const tab of ['Ringkasan', 'Kuitansi', 'Metode pembayaran', 'Langganan', 'Faktur']) {
    await page.getByRole('navigation').getByRole('link', { name: tab, exact: true }).click();
    await expect(page.getByRole('heading', { level: 1, name: tab })).toBeVisible();
    const text = await page.locator('body').innerText();
    expect(english.filter((s) => text.includes(s)), `English on ${tab}`).toEqual([]);
  }
});
