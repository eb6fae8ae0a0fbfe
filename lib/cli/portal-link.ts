// npm run portal-link -- <customerId> [--return-url URL] [--tab TAB] [--locale L] [--account acc_…]
// For support agents: mints a fresh portal link through the SDK and prints it with its expiry.
// Keys come from PLUGIPAY_KEY_ID / PLUGIPAY_SECRET (and PLUGIPAY_BASE_URL); without them, in demo
// mode, from demo-credentials.json, where a demo alias (active, idr, …) may stand for the customer.
import { existsSync, readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { PlugipayClient, PlugipayConnectionError, PlugipayError } from '../sdk/src/plugipay';
import type { TDemoCredentials } from '../../prisma/seed/seed-demo-data';

const TABS = ['overview', 'receipts', 'payment-method', 'subscription', 'invoices'];
const USAGE = 'usage: npm run portal-link -- <customerId> [--return-url URL] [--tab TAB] [--locale L] [--account acc_…]';

function fail(message: string): never {
  console.error(message);
  process.exit(1);
}

const { positionals, values } = (() => {
  try {
    return parseArgs({
      allowPositionals: true,
      options: { 'return-url': { type: 'string' }, tab: { type: 'string' }, locale: { type: 'string' }, account: { type: 'string' } },
    });
  } catch (error) {
    return fail(`${(error as Error).message}\n${USAGE}`);
  }
})();
if (positionals.length !== 1) fail(USAGE);
if (values.tab && !TABS.includes(values.tab)) fail(`--tab must be one of ${TABS.join(', ')}`);

function demoCredentials(): TDemoCredentials | undefined {
  if (process.env.PLUGIPAY_MODE === 'production') return undefined;
  const file = process.env.DEMO_CREDENTIALS_PATH ?? 'demo-credentials.json';
  return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as TDemoCredentials) : undefined;
}

const demo = process.env.PLUGIPAY_KEY_ID ? undefined : demoCredentials();
const key = process.env.PLUGIPAY_KEY_ID
  ? { keyId: process.env.PLUGIPAY_KEY_ID, secret: process.env.PLUGIPAY_SECRET ?? fail('PLUGIPAY_SECRET is not set (it goes with PLUGIPAY_KEY_ID).') }
  : demo
    ? values.account && values.account !== demo.merchant.accountId
      ? demo.platform
      : demo.merchant
    : fail('Set PLUGIPAY_KEY_ID and PLUGIPAY_SECRET (an API key with plugipay:portal:create), or run `npm run db:seed` for demo keys.');
const baseUrl = process.env.PLUGIPAY_BASE_URL ?? demo?.baseUrl;
const customerId = (demo?.customers as Record<string, string> | undefined)?.[positionals[0]!] ?? positionals[0]!;
const returnUrl = values['return-url'] ?? process.env.PORTAL_LINK_RETURN_URL ?? demo?.baseUrl ?? fail('Give --return-url (where "Done" takes the customer).');

const client = new PlugipayClient({ ...key, baseUrl, maxRetries: 2 });
const scoped = values.account && values.account !== demo?.merchant.accountId ? client.forMerchant(values.account) : client;
try {
  const session = await scoped.portalSessions.create({ customerId, returnUrl, ...(values.locale ? { locale: values.locale } : {}) });
  const url = values.tab ? `${session.url}?tab=${values.tab}` : session.url;
  const minutes = Math.round((Date.parse(session.expiresAt) - Date.now()) / 60_000);
  console.log(`${url}\nexpires ${session.expiresAt} (in about ${minutes} minutes); it works once. Paste it, do not email it.`);
} catch (error) {
  if (error instanceof PlugipayConnectionError) {
    const from = process.env.PLUGIPAY_BASE_URL ? 'PLUGIPAY_BASE_URL' : `${process.env.DEMO_CREDENTIALS_PATH ?? 'demo-credentials.json'} (its baseUrl)`;
    fail(
      `Could not reach the portal at ${baseUrl}, the address from ${from}.\n` +
        'Is the server running there? If it listens on another port or host, start it on this one, or set PLUGIPAY_BASE_URL to where it is.',
    );
  }
  if (error instanceof PlugipayError) {
    fail(`Could not mint a portal link: ${error.message} (${error.code}${error.param ? `, ${error.param}` : ''}${error.requestId ? `, request ${error.requestId}` : ''})`);
  }
  throw error;
}
