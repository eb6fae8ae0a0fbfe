import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mintPortalSession, openLink, portalFetch, type TKey } from '@/lib/testing/portal-links';
import { runningServer } from '@/lib/testing/running-server';
import { startScratchServer, type TScratchServer } from '@/lib/testing/scratch-server';

// Card testing: someone with one portal link trying stolen numbers. The processor must not be
// reachable at machine speed through the portal.
const server = runningServer();
const YEAR = new Date().getUTCFullYear() + 3;
const DECLINED = '4000000000000002';

/** A Visa test number that passes Luhn, different for each n. */
function visa(n: number): string {
  const body = `424242${String(n).padStart(9, '0')}`;
  const sum = [...body].reverse().reduce((acc, ch, i) => {
    const d = Number(ch) * (i % 2 === 0 ? 2 : 1);
    return acc + (d > 9 ? d - 9 : d);
  }, 0);
  return `${body}${(10 - (sum % 10)) % 10}`;
}

async function login(baseUrl: string, key: TKey, customerId: string) {
  const session = await mintPortalSession(baseUrl, key, { customerId });
  const { cookie } = await openLink(session.url);
  return {
    addCard: (number: string) =>
      portalFetch(baseUrl, '/portal/api/payment-methods', cookie, {
        method: 'POST',
        headers: { Origin: baseUrl, 'Content-Type': 'application/json' },
        body: JSON.stringify({ number, expMonth: 12, expYear: YEAR, cvc: '123' }),
      }),
    get: (path: string) => portalFetch(baseUrl, path, cookie),
  };
}

async function outcome(res: Response) {
  const { error } = (await res.json()) as { error?: { code: string; message: string } };
  return res.status === 200 ? 'saved' : `${res.status} ${error!.message}`;
}

describe('card attempts through the portal', () => {
  it('stop for the customer after 5 declines in an hour, even when 20 are sent at once, whatever link they come through', async () => {
    const customer = server.fixtures.customers.apiCardVelocity;
    const { addCard } = await login(server.baseUrl, server.creds.merchant, customer);
    const answers = await Promise.all(Array.from({ length: 20 }, () => addCard(DECLINED).then(outcome)));
    expect(answers.filter((a) => a === '400 card_declined')).toHaveLength(5);
    expect(answers.filter((a) => a === '429 too_many_card_attempts')).toHaveLength(15);

    // A good card, through a new link, is refused too, saying when to come back.
    const again = await login(server.baseUrl, server.creds.merchant, customer);
    const res = await again.addCard(visa(1));
    expect(res.status).toBe(429);
    expect(Number(res.headers.get('retry-after'))).toBeGreaterThan(3_000);
    expect(Number(res.headers.get('retry-after'))).toBeLessThanOrEqual(3_600);
    expect((await res.json()).error).toMatchObject({ code: 'rate_limited', message: 'too_many_card_attempts' });

    // Another customer of the same account is not held back.
    const other = await login(server.baseUrl, server.creds.merchant, server.fixtures.customers.apiCardVelocityOther);
    expect(await outcome(await other.addCard(visa(2)))).toBe('saved');
  });

  it('stop for a login after 10 in an hour, saved or not; a new link starts afresh', async () => {
    const customer = server.fixtures.customers.apiCardPerLogin;
    const first = await login(server.baseUrl, server.creds.merchant, customer);
    const answers: string[] = [];
    for (let n = 10; n < 21; n++) answers.push(await outcome(await first.addCard(visa(n))));
    expect(answers).toEqual([...Array(10).fill('saved'), '429 too_many_card_attempts']);
    const second = await login(server.baseUrl, server.creds.merchant, customer);
    expect(await outcome(await second.addCard(visa(30)))).toBe('saved');
  });
});

describe('PDFs', () => {
  it('are limited per login to 30 a minute', async () => {
    const { get } = await login(server.baseUrl, server.creds.merchant, server.fixtures.customers.apiPdfLimit);
    const invoice = (await (await get('/portal/invoices')).text()).match(/inv_[0-9A-HJKMNP-TV-Z]{26}/)![0];
    // Windows are fixed minutes: within 61 requests one window fills, whatever minute the test starts in.
    const statuses: number[] = [];
    while (statuses.length < 61 && !statuses.includes(429)) statuses.push((await get(`/portal/invoices/${invoice}/pdf`)).status);
    expect(statuses.at(-1)).toBe(429);
    expect(statuses.indexOf(429)).toBeGreaterThanOrEqual(30);
    expect(new Set(statuses.slice(0, -1))).toEqual(new Set([200]));
  });
});

describe('card declines across an account', () => {
  let scratch: TScratchServer;
  beforeAll(async () => {
    scratch = await startScratchServer({ env: { CARD_DECLINES_PER_ACCOUNT_PER_HOUR: '3' } });
  });
  afterAll(async () => {
    await scratch?.dispose();
  });

  it('stop every customer of the account once it reaches its limit, leave other accounts alone, and are audited', async () => {
    const { merchant, otherMerchant, customers } = scratch.creds;
    const a = await login(scratch.baseUrl, merchant, customers.active);
    const b = await login(scratch.baseUrl, merchant, customers.canceling);
    expect([await outcome(await a.addCard(DECLINED)), await outcome(await a.addCard(DECLINED)), await outcome(await b.addCard(DECLINED))]).toEqual(Array(3).fill('400 card_declined'));
    const c = await login(scratch.baseUrl, merchant, customers.noPaymentMethod);
    expect(await outcome(await c.addCard(visa(3)))).toBe('429 too_many_card_attempts');
    const elsewhere = await login(scratch.baseUrl, otherMerchant, customers.otherMerchant);
    expect(await outcome(await elsewhere.addCard(visa(4)))).toBe('saved');

    await scratch.halt();
    const db = scratch.openDb();
    try {
      const refused = await db.prisma.auditLog.findMany({ where: { action: 'payment_method.add', outcome: 'refused', customerId: customers.noPaymentMethod } });
      expect(refused.map((r) => r.reason)).toEqual(['velocity_account']);
    } finally {
      await db.close();
    }
  });
});
