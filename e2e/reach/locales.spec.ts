import { LOCALES } from '../../lib/i18n/locales';
import { mintPortalSession } from '../../lib/testing/portal-links';
import { pdfText } from '../../lib/testing/pdf-text';
import { expect, hasHorizontalScroll, test } from '../support/test';
import { messagesOf, MISSING_MESSAGE, spaces } from './support';

test('every locale renders the overview and an invoice PDF without a missing message', async ({ page, baseURL, credentials, fixtures }) => {
  // Eight locales, seven pages and a PDF each, one after another (one customer: one login at a time);
  // about 100 s on a busy machine.
  test.setTimeout(300_000);
  for (const locale of LOCALES) {
    const m = messagesOf(locale);
    const session = await mintPortalSession(baseURL!, credentials.merchant, { customerId: fixtures.customers.e2eLocales, locale });
    await page.goto(session.url);
    await expect(page.locator('html')).toHaveAttribute('lang', locale);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(m.Portal.tabs.overview!);
    expect(await page.locator('body').innerText(), locale).not.toMatch(MISSING_MESSAGE);

    await page.goto(`${baseURL}/portal/invoices`);
    const first = page.getByRole('main').getByRole('listitem').first();
    const total = (await first.locator('data[data-currency]').textContent())!;
    const href = (await first.locator('a[href$="/pdf"]').getAttribute('href'))!;
    const pdf = await page.request.get(href);
    expect(pdf.status()).toBe(200);
    const text = await pdfText(new Uint8Array(await pdf.body()));
    expect(text, locale).not.toMatch(MISSING_MESSAGE);
    const compact = (s: string) => s.replace(/[\s\u00a0\u202f]+/g, '');
    for (const label of [m.Pdf.invoice!, m.Pdf.invoiceNumber!, m.Pdf.total!, m.Pdf.billTo!]) expect(compact(text), `${locale}: ${label}`).toContain(compact(label));
    expect(spaces(text), locale).toContain(spaces(total));

    // Every tab fits a 360 px phone in every language (German's long words, Japanese without spaces),
    // with the tabs in one row that scrolls sideways, the current one in view.
    await page.setViewportSize({ width: 360, height: 780 });
    const nav = page.getByRole('navigation', { name: m.Portal.navLabel! });
    for (const tab of ['', '/receipts', '/payment-method', '/subscription', '/invoices']) {
      await page.goto(`${baseURL}/portal${tab}`);
      expect(await hasHorizontalScroll(page), `${locale} ${tab || '/'} at 360 px`).toBe(false);
      const tops = await nav.getByRole('listitem').evaluateAll((items) => items.map((li) => li.getBoundingClientRect().top));
      expect(new Set(tops).size, `${locale} ${tab || '/'}: tabs in one row`).toBe(1);
      const current = nav.locator('[aria-current="page"]');
      const inView = async () => {
        const [box, strip] = [await current.boundingBox(), await nav.getByRole('list').boundingBox()];
        return box!.x >= strip!.x - 1 && box!.x + box!.width <= strip!.x + strip!.width + 1;
      };
      // Brought into view once the page is interactive.
      await expect.poll(inView, { message: `${locale} ${tab || '/'}: current tab in view` }).toBe(true);
    }
    await page.setViewportSize({ width: 1280, height: 800 });
  }
});

// The exponent is Plugipay's: IDR and JPY have no minor unit, KWD three digits.
const CURRENCIES = [
  ['USD', 'e2eMoneyUsd', 2],
  ['EUR', 'e2eMoneyEur', 2],
  ['IDR', 'e2eMoneyIdr', 0],
  ['JPY', 'e2eMoneyJpy', 0],
  ['KWD', 'e2eMoneyKwd', 3],
] as const;

for (const [currency, customer, exponent] of CURRENCIES) {
  test(`${currency} amounts match Intl in every locale`, async ({ page, baseURL, credentials, fixtures }) => {
    test.setTimeout(90_000);
    for (const locale of LOCALES) {
      const session = await mintPortalSession(baseURL!, credentials.merchant, { customerId: fixtures.customers[customer], locale });
      await page.goto(session.url);
      const amounts = await page.locator('data[data-currency]').evaluateAll((elements, loc) =>
        elements.map((el) => {
          const value = (el as HTMLDataElement).value;
          const digits = value.split('.')[1]?.length ?? 0;
          const format = new Intl.NumberFormat(loc, { style: 'currency', currency: el.getAttribute('data-currency')!, minimumFractionDigits: digits, maximumFractionDigits: digits });
          return { currency: el.getAttribute('data-currency'), value, shown: el.textContent!, intl: format.format(value as unknown as number) };
        }),
      locale);
      expect(amounts.length, `${locale}: amounts on the overview`).toBeGreaterThanOrEqual(2);
      for (const amount of amounts) {
        expect(amount.currency).toBe(currency);
        expect(amount.value).toMatch(exponent === 0 ? /^-?\d+$/ : new RegExp(`^-?\\d+\\.\\d{${exponent}}$`));
        expect(spaces(amount.shown), `${locale} ${currency} ${amount.value}`).toBe(spaces(amount.intl));
      }
      if (locale === 'en' || locale === 'ja') {
        // The invoice PDF prints the amount exactly as the page does (Latin and CJK fonts alike).
        await page.goto(`${baseURL}/portal/invoices`);
        const first = page.getByRole('main').getByRole('listitem').first();
        const total = (await first.locator('data[data-currency]').textContent())!;
        const pdf = await page.request.get((await first.locator('a[href$="/pdf"]').getAttribute('href'))!);
        expect(spaces(await pdfText(new Uint8Array(await pdf.body()))), `${locale} ${currency} PDF`).toContain(spaces(total));
      }
    }
  });
}
