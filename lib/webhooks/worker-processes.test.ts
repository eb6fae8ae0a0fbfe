import { spawn, type ChildProcess } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { mintPortalSession } from '@/lib/testing/portal-links';
import { signedFetch } from '@/lib/testing/signed-fetch';
import { readFixtures, startTestServer, type TTestFixtures, type TTestServer } from '@/lib/testing/test-server';
import { startWebhookReceiver, type TAnswer } from '@/lib/testing/webhook-receiver';

// `npm run worker` processes beside a server that runs none (WEBHOOK_WORKER=off, BILLING_WORKER=off),
// all on one PostgreSQL database of their own: the deployment the worker command exists for.
const onPostgres = Boolean(process.env.DATABASE_URL);
const SESSION_CREATED = 'plugipay.portal_session.created.v1';
const SUBSCRIPTIONS = 40;

describe.runIf(onPostgres)('workers on one PostgreSQL database', () => {
  let server: TTestServer;
  let key: TTestFixtures['webhookAccount'];
  let customerId: string;
  const workers: ChildProcess[] = [];
  const cleanups: (() => Promise<unknown>)[] = [];

  beforeAll(async () => {
    server = await startTestServer({ env: { WEBHOOK_WORKER: 'off', BILLING_WORKER: 'off' } });
    const fixtures = readFixtures(server.dataDir);
    key = fixtures.webhookAccount;
    customerId = fixtures.customers.webhookCard;
  }, 120_000);
  afterAll(() => server?.stop());
  afterEach(async () => {
    await Promise.all(workers.splice(0).map((w) => stopWorker(w)));
    while (cleanups.length > 0) await cleanups.pop()!();
  });

  async function startWorker(env: Record<string, string> = {}): Promise<ChildProcess> {
    const child = spawn(process.execPath, ['--import', 'tsx', '--conditions=react-server', 'lib/cli/worker.ts'], {
      env: { ...server.env, ...env },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    workers.push(child);
    await new Promise<void>((resolve, reject) => {
      child.stdout!.on('data', (chunk: Buffer) => {
        if (chunk.toString().includes('worker running:')) resolve();
      });
      child.once('exit', (code) => reject(new Error(`the worker exited with code ${code}`)));
    });
    return child;
  }

  async function stopWorker(child: ChildProcess, signal: NodeJS.Signals = 'SIGTERM') {
    if (child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise((r) => child.once('exit', r));
    child.kill(signal);
    await exited;
  }

  async function subscribe(answer?: TAnswer, url?: (receiverPort: number) => string) {
    const receiver = await startWebhookReceiver(answer);
    const res = await signedFetch(server.baseUrl, { path: '/api/v1/webhook-endpoints', key, body: { url: url?.(receiver.port) ?? receiver.url, events: [SESSION_CREATED] } });
    expect(res.status).toBe(201);
    const endpoint = (await res.json()) as { id: string };
    cleanups.push(receiver.close, () => signedFetch(server.baseUrl, { method: 'DELETE', path: `/api/v1/webhook-endpoints/${endpoint.id}`, key }));
    return { receiver, endpoint };
  }

  const mint = () => mintPortalSession(server.baseUrl, key, { customerId });
  const deliveries = async (endpointId: string) =>
    (await (await signedFetch(server.baseUrl, { method: 'GET', path: `/api/v1/webhook-endpoints/${endpointId}/deliveries?limit=100`, key })).json()).data as {
      status: string;
      attempts: { responseStatus: number | null; error: string | null }[];
    }[];

  it('send each event once however many workers run', async () => {
    // A slow receiver keeps attempts in flight while the other workers look for work.
    const { receiver, endpoint } = await subscribe(() => ({ status: 200, delayMs: 150 }));
    await Promise.all([startWorker(), startWorker(), startWorker()]);
    const minted = [];
    for (let i = 0; i < 30; i++) minted.push(await mint());
    await receiver.waitFor(30, 60_000);
    // Once every delivery is recorded as sent, a second worker's send would show as a second attempt.
    await expect.poll(async () => (await deliveries(endpoint.id)).filter((d) => d.status === 'succeeded').length, { timeout: 30_000 }).toBe(30);
    expect((await deliveries(endpoint.id)).map((d) => d.attempts.length)).toEqual(Array(30).fill(1));
    const ids = receiver.received.map((r) => r.event.data.object.id);
    expect(ids).toHaveLength(30);
    expect(new Set(ids)).toEqual(new Set(minted.map((s) => s.id)));
  }, 90_000);

  it('keep an event made while no worker runs, and send it when one starts', async () => {
    const { receiver, endpoint } = await subscribe();
    const session = await mint();
    expect(await deliveries(endpoint.id)).toEqual([]);
    await startWorker();
    const [webhook] = await receiver.waitFor(1);
    expect(webhook!.event.data.object.id).toBe(session.id);
  });

  it('send again a delivery whose worker died during the attempt, once its claim runs out', async () => {
    const { receiver, endpoint } = await subscribe((n) => (n === 0 ? 'hang' : { status: 200 }));
    const killed = await startWorker();
    await mint();
    const [first] = await receiver.waitFor(1);
    await stopWorker(killed, 'SIGKILL');
    await startWorker();
    const [, second] = await receiver.waitFor(2, 60_000);
    expect(second!.event.id).toBe(first!.event.id);
    await expect.poll(async () => (await deliveries(endpoint.id))[0]?.status, { timeout: 10_000 }).toBe('succeeded');
  }, 90_000);

  it('refuse, at delivery, a name that resolves to a private address when not in demo mode, unless allowed', async () => {
    // Created while the instance is in demo mode; a production worker checks the address again as it connects.
    const { receiver, endpoint } = await subscribe(undefined, (port) => `http://localhost:${port}/webhooks`);
    const production = { PLUGIPAY_MODE: 'production', PORTAL_BASE_URL: 'https://portal.example.test' };
    const strict = await startWorker(production);
    await mint();
    await expect.poll(async () => (await deliveries(endpoint.id))[0]?.attempts.length ?? 0, { timeout: 15_000 }).toBeGreaterThanOrEqual(1);
    expect((await deliveries(endpoint.id))[0]!.attempts[0]!.error).toMatch(/not a public internet address/);
    expect(receiver.received).toHaveLength(0);

    await stopWorker(strict);
    await startWorker({ ...production, WEBHOOK_ALLOWED_NETWORKS: '127.0.0.0/8,::1/128' });
    await receiver.waitFor(1, 30_000);
    await expect.poll(async () => (await deliveries(endpoint.id))[0]?.status, { timeout: 10_000 }).toBe('succeeded');
  }, 90_000);

  const billingApi = async (method: string, path: string, body?: unknown) => (await signedFetch(server.baseUrl, { method, path, key: readFixtures(server.dataDir).billingAccount, body })).json();

  it('renew each due subscription exactly once, numbering the invoices without gaps, with three workers', async () => {
    // Generous waits: three workers start under tsx while the rest of the suite keeps both cores busy
    // (a CI run saw 35 of 40 renewals after a minute). What is asserted is once-only, not speed.
    const product = await billingApi('POST', '/api/v1/products', { name: 'Race plan' });
    const price = await billingApi('POST', '/api/v1/prices', { product: product.id, currency: 'USD', unitAmount: 500, recurring: { interval: 'month' } });
    const ids: string[] = [];
    for (let n = 0; n < SUBSCRIPTIONS; n++) {
      const customer = await billingApi('POST', '/api/v1/customers', { email: `race-${n}@example.com` });
      await billingApi('POST', `/api/v1/customers/${customer.id}/payment-methods`, { token: 'tok_visa' });
      ids.push((await billingApi('POST', '/api/v1/subscriptions', { customer: customer.id, items: [{ price: price.id }] })).id);
    }
    // A month passes for these subscriptions alone: their periods end now, as if they had begun a month ago.
    const db = new pg.Client({ connectionString: server.env.DATABASE_URL });
    await db.connect();
    try {
      await db.query(
        `UPDATE "Subscription" SET "currentPeriodEnd" = now() - interval '1 second', "billingCycleAnchor" = now() - interval '1 second',
           "currentPeriodStart" = now() - interval '1 month' WHERE "id" = ANY($1)`,
        [ids],
      );
    } finally {
      await db.end();
    }

    await Promise.all([startWorker(), startWorker(), startWorker()]);
    const renewalsOf = async (id: string) => ((await billingApi('GET', `/api/v1/invoices?subscription=${id}&limit=100`)).data as { billingReason: string; status: string; number: string }[]);
    await expect
      .poll(async () => (await Promise.all(ids.map(renewalsOf))).filter((invoices) => invoices.some((i) => i.billingReason === 'subscription_cycle' && i.status === 'paid')).length, { timeout: 150_000, interval: 500 })
      .toBe(SUBSCRIPTIONS);

    const invoices = (await Promise.all(ids.map(renewalsOf))).flat();
    expect(invoices.filter((i) => i.billingReason === 'subscription_cycle')).toHaveLength(SUBSCRIPTIONS);
    const numbers = invoices.map((i) => Number(i.number.split('-')[1])).sort((a, b) => a - b);
    expect(new Set(numbers).size).toBe(numbers.length);
    // The renewals' numbers fill the range they took, with no gap.
    const renewalNumbers = invoices.filter((i) => i.billingReason === 'subscription_cycle').map((i) => Number(i.number.split('-')[1])).sort((a, b) => a - b);
    expect(renewalNumbers.at(-1)! - renewalNumbers[0]!).toBe(SUBSCRIPTIONS - 1);
    const payments = (await Promise.all(ids.map(async (id) => (await billingApi('GET', `/api/v1/subscriptions/${id}`)).customer as string)))
      .map(async (customer) => (await billingApi('GET', `/api/v1/payments?customer=${customer}`)).data as unknown[]);
    expect((await Promise.all(payments)).map((p) => p.length)).toEqual(Array.from({ length: SUBSCRIPTIONS }, () => 2));
  }, 240_000);

  it('neither lose nor double a charge when a worker dies between charging and recording it', async () => {
    const product = await billingApi('POST', '/api/v1/products', { name: 'Crash plan' });
    const price = await billingApi('POST', '/api/v1/prices', { product: product.id, currency: 'EUR', unitAmount: 1900, recurring: { interval: 'month' } });
    const customer = await billingApi('POST', '/api/v1/customers', { email: 'crash@example.com' });
    await billingApi('POST', `/api/v1/customers/${customer.id}/payment-methods`, { token: 'tok_visa' });
    const sub = await billingApi('POST', '/api/v1/subscriptions', { customer: customer.id, items: [{ price: price.id }] });
    const db = new pg.Client({ connectionString: server.env.DATABASE_URL });
    await db.connect();
    try {
      await db.query(`UPDATE "Subscription" SET "currentPeriodStart" = now() - interval '1 month', "currentPeriodEnd" = now() - interval '1 second', "billingCycleAnchor" = now() - interval '1 second' WHERE "id" = $1`, [sub.id]);
    } finally {
      await db.end();
    }

    // This worker renews, has the processor charge the renewal, and dies before recording it.
    const doomed = spawn(process.execPath, ['--import', 'tsx', '--conditions=react-server', 'lib/cli/worker.ts'], {
      env: { ...server.env, PLUGIPAY_TEST_PROCESSOR_FAILPOINT: 'exit-after-charge' },
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    expect(await new Promise((resolve) => doomed.once('exit', resolve))).toBe(70);
    const renewal = ((await billingApi('GET', `/api/v1/invoices?subscription=${sub.id}`)).data as { id: string; billingReason: string; status: string; attemptCount: number }[]).find((i) => i.billingReason === 'subscription_cycle')!;
    expect(renewal).toMatchObject({ status: 'open', attemptCount: 0 });
    const charges = () => chargesFor(renewal.id);
    expect(charges()).toHaveLength(1);

    // The next worker makes the same attempt: the processor answers it from its records.
    await startWorker();
    await expect.poll(async () => (await billingApi('GET', `/api/v1/invoices/${renewal.id}`)).status, { timeout: 120_000 }).toBe('paid');
    expect(charges()).toHaveLength(1);
    const payments = (await billingApi('GET', `/api/v1/payments?invoice=${renewal.id}`)).data as { status: string; amount: number }[];
    expect(payments).toEqual([expect.objectContaining({ status: 'succeeded', amount: 1900 })]);
  }, 200_000);

  /** The charges the test processor made for an invoice, from its own records in the data folder. */
  function chargesFor(invoiceId: string) {
    const dir = path.join(server.env.DATA_DIR!, 'test-processor', 'charges');
    return readdirSync(dir).map((file) => JSON.parse(readFileSync(path.join(dir, file), 'utf8')) as { reference: string }).filter((entry) => entry.reference === invoiceId);
  }
});
