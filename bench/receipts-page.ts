// npm run bench: how the receipts and invoices pages scale with a customer's history. Keyset
// pages on (accountId, customerId, createdAt, id) indexes should make a customer with 250 payments
// as fast as one with 6, and a deep page as fast as the first. Reported as ratios against the small
// customer measured in the same run, never as absolute times.
import { mintPortalSession, openLink, portalFetch } from '../lib/testing/portal-links';
import { readCredentials, startTestServer } from '../lib/testing/test-server';

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 40);

async function median(fn: () => Promise<unknown>): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < 5; i++) await fn(); // warm up
  for (let i = 0; i < ROUNDS; i++) {
    const start = process.hrtime.bigint();
    await fn();
    times.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)]!;
}

const server = await startTestServer();
try {
  const creds = readCredentials(server.credentialsPath);
  const login = async (customerId: string) => (await openLink((await mintPortalSession(server.baseUrl, creds.merchant, { customerId })).url)).cookie;
  const small = await login(creds.customers.active);
  const large = await login(creds.customers.manyInvoices);
  const page = (cookie: string | undefined, path: string) => async () => {
    const res = await portalFetch(server.baseUrl, path, cookie);
    if (res.status !== 200) throw new Error(`${path}: ${res.status}`);
    await res.text();
  };
  // A cursor ten pages deep into the large history.
  let cursor = '';
  for (let i = 0; i < 10; i++) {
    const html = await (await portalFetch(server.baseUrl, `/portal/receipts${cursor}`, large)).text();
    cursor = `?cursor=${/cursor=(pay_[0-9A-Z]{26})/.exec(html)![1]}`;
  }
  const baseline = await median(page(small, '/portal/receipts'));
  const rows = [
    ['receipts, 6 payments (baseline)', baseline],
    ['receipts, 250 payments, first page', await median(page(large, '/portal/receipts'))],
    ['receipts, 250 payments, page 11', await median(page(large, `/portal/receipts${cursor}`))],
    ['invoices, 250 invoices, first page', await median(page(large, '/portal/invoices'))],
  ] as const;
  console.log(`median of ${ROUNDS} requests each, as a ratio to the baseline:`);
  for (const [name, ms] of rows) console.log(`  ${name.padEnd(40)} ${(ms / baseline).toFixed(2)}x`);
} finally {
  await server.stop();
}
