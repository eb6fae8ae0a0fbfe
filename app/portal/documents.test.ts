import { readFileSync } from 'node:fs';
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { mintPortalSession, openLink, portalFetch } from '@/lib/testing/portal-links';
import { pdfStructure } from '@/lib/testing/pdf-structure';
import { pdfText } from '@/lib/testing/pdf-text';
import { runningServer } from '@/lib/testing/running-server';
import { signedFetch } from '@/lib/testing/signed-fetch';
import { testTlsPaths } from '@/lib/testing/test-tls';

// Invoices and receipts as tax documents: the seller's legal details from the checkout settings,
// the buyer's, the tax per rate, a merchant name in Japanese on an English PDF, and tags for
// screen readers. The account is the document tests' own (its name is Japanese).
const server = runningServer();
const key = () => server.fixtures.documentsAccount;
const settings = (body?: unknown) =>
  signedFetch(server.baseUrl, { method: body ? 'PATCH' : 'GET', path: '/api/v1/checkout-settings', key: key(), ...(body ? { body } : {}) });

const SELLER = {
  legalName: 'Tokyo Cloud Europe B.V.',
  address: { line1: 'Herengracht 500', postalCode: '1017 CB', city: 'Amsterdam', country: 'NL' },
  taxId: 'NL859876543B01',
};

let cookie: string;
let ids: { invoice: string; receipt: string };

beforeAll(async () => {
  const session = await mintPortalSession(server.baseUrl, key(), { customerId: server.fixtures.customers.apiDocuments, locale: 'en' });
  cookie = (await openLink(session.url)).cookie!;
  const receipts = await (await portalFetch(server.baseUrl, '/portal/receipts', cookie)).text();
  ids = {
    receipt: /\/portal\/receipts\/(pay_[0-9A-Z]{26})"/.exec(receipts)![1]!,
    invoice: /\/portal\/invoices\/(inv_[0-9A-Z]{26})"/.exec(receipts)![1]!,
  };
});

describe('the seller’s legal details in the checkout settings', () => {
  it('are set, read back in their stored form, and cleared with null', async () => {
    const res = await settings(SELLER);
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({
      legalName: SELLER.legalName,
      address: { line1: 'Herengracht 500', line2: null, city: 'Amsterdam', state: null, postalCode: '1017 CB', country: 'NL' },
      taxId: SELLER.taxId,
    });
    await settings({ legalName: null });
    expect((await (await settings()).json()).legalName).toBeNull();
    await settings(SELLER);
  });

  it.each([
    [{ address: { city: 'Amsterdam', country: 'XX' } }, 'address.country'],
    [{ address: { city: 'Amsterdam', country: 'nl' } }, 'address.country'],
    [{ address: { city: 'Amsterdam' } }, 'address.country'],
    [{ address: { country: 'NL', street: 'Herengracht' } }, 'address.street'],
    [{ taxId: '<script>' }, 'taxId'],
    [{ legalName: '' }, 'legalName'],
  ])('refuse %j naming %s, and change nothing', async (body, param) => {
    const before = await (await settings()).json();
    const res = await settings(body);
    expect(res.status).toBe(400);
    expect((await res.json()).error).toMatchObject({ code: 'validation_error', param });
    expect(await (await settings()).json()).toEqual(before);
  });
});

describe('an invoice PDF', () => {
  let text: string;
  let pdf: Uint8Array;
  beforeAll(async () => {
    await settings(SELLER);
    const res = await portalFetch(server.baseUrl, `/portal/invoices/${ids.invoice}/pdf`, cookie);
    expect(res.status).toBe(200);
    pdf = new Uint8Array(await res.arrayBuffer());
    text = await pdfText(pdf.slice());
  });

  it('names the seller as the tax authority needs: legal name, address, VAT ID', () => {
    for (const part of ['Tokyo Cloud Europe B.V.', 'Herengracht 500', '1017 CB Amsterdam', 'Netherlands', 'VAT ID: NL859876543B01']) expect(text).toContain(part);
  });

  it('names the buyer with their address and tax ID', () => {
    for (const part of ['Bill to', 'apidocuments@example.com', 'Jl. Braga No. 10', 'Bandung 40111', 'Jawa Barat', 'Indonesia', 'NPWP: 09.876.543.2-101.000']) expect(text).toContain(part);
  });

  it('shows each tax rate and a summary per rate with its taxable amount', () => {
    expect(text).toMatch(/Subtotal IDR 150,000 PPN \(11%\) IDR 16,500 Total IDR 166,500/);
    expect(text).toMatch(/Tax summary Tax Taxable amount Amount PPN \(11%\) IDR 150,000 IDR 16,500/);
  });

  it('draws the merchant’s Japanese name on an English document', () => {
    expect(text).toContain('東京クラウド');
    expect(text).not.toContain('\ufffd');
  });

  it('is tagged for screen readers: structure in reading order, title, language', async () => {
    const structure = await pdfStructure(pdf);
    expect(structure.tagged).toBe(true);
    expect(structure.title).toMatch(/^Invoice TAPIDOCUMENTS-\d{4}$/);
    expect(structure.language).toBe('en');
    expect(structure.roles).toEqual(expect.arrayContaining(['Document', 'H1', 'Sect', 'H2', 'Table', 'TR', 'TH', 'TD']));
    // The heading comes before the parties, the parties before the lines.
    expect(structure.roles.indexOf('H1')).toBeLessThan(structure.roles.indexOf('Sect'));
    expect(structure.roles.indexOf('Sect')).toBeLessThan(structure.roles.indexOf('Table'));
  });
});

describe('a receipt PDF', () => {
  it('lists what was paid for and says with which card and when', async () => {
    const res = await portalFetch(server.baseUrl, `/portal/receipts/${ids.receipt}/pdf`, cookie);
    const text = await pdfText(new Uint8Array(await res.arrayBuffer()));
    expect(text).toMatch(/Paid with Visa •••• 1881 on [A-Z][a-z]{2} \d{1,2}, \d{4}/);
    expect(text).toContain('Acme Cloud Pro (Indonesia)');
    expect(text).toMatch(/PPN \(11%\) IDR 16,500 Total IDR 166,500/);
    expect(text).toContain('VAT ID: NL859876543B01');
  });
});

describe('the merchant’s logo', () => {
  // The merchant's own https server, as the test server's CA vouches for localhost.
  const requests: string[] = [];
  let origin: string;
  let logoServer: https.Server;
  beforeAll(async () => {
    const tls = testTlsPaths(inject('dataDir'));
    logoServer = https.createServer({ key: readFileSync(tls.key), cert: readFileSync(tls.cert) }, (req, res) => {
      requests.push(req.url!);
      if (req.url === '/logo.png') res.writeHead(200, { 'Content-Type': 'image/png' }).end(readFileSync('public/icon-192.png'));
      else if (req.url === '/logo.svg') res.writeHead(200, { 'Content-Type': 'image/svg+xml' }).end(readFileSync('public/icon.svg'));
      else res.writeHead(404).end();
    });
    await new Promise<void>((resolve) => logoServer.listen(0, '127.0.0.1', resolve));
    origin = `https://localhost:${(logoServer.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    await settings({ logoUrl: null });
    await new Promise((resolve) => logoServer.close(resolve));
  });
  const invoicePdf = async () => Buffer.from(await (await portalFetch(server.baseUrl, `/portal/invoices/${ids.invoice}/pdf`, cookie)).arrayBuffer());

  it('is drawn on the PDFs, fetched once and then kept', async () => {
    expect((await invoicePdf()).includes('/Subtype /Image')).toBe(false);
    expect((await settings({ logoUrl: `${origin}/logo.png` })).status).toBe(200);
    const first = await invoicePdf();
    expect(first.includes('/Subtype /Image')).toBe(true);
    expect((await pdfText(new Uint8Array(first))).startsWith('東京クラウド')).toBe(true);
    const receipt = Buffer.from(await (await portalFetch(server.baseUrl, `/portal/receipts/${ids.receipt}/pdf`, cookie)).arrayBuffer());
    expect(receipt.includes('/Subtype /Image')).toBe(true);
    expect(requests.filter((r) => r === '/logo.png')).toHaveLength(1);
  });

  it('is left out when it cannot be drawn or fetched, and the PDF still comes', async () => {
    for (const path of ['/logo.svg', '/missing.png']) {
      await settings({ logoUrl: `${origin}${path}` });
      const pdf = await invoicePdf();
      expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
      expect(pdf.includes('/Subtype /Image')).toBe(false);
      expect(requests).toContain(path);
    }
  });
});
