import { afterEach, describe, expect, it } from 'vitest';
import { PlugipaySignatureVerificationError } from '@/lib/sdk/src/errors';
import { verifyWebhook } from '@/lib/sdk/src/webhooks';
import { mintPortalSession, openLink, portalFetch } from '@/lib/testing/portal-links';
import { signedFetch } from '@/lib/testing/signed-fetch';
import { runningServer } from '@/lib/testing/running-server';
import { startWebhookReceiver, type TAnswer } from '@/lib/testing/webhook-receiver';

const server = runningServer();
const key = () => server.fixtures.webhookAccount;

const api = (k: { keyId: string; secret: string }, method: string, path: string, body?: unknown) => signedFetch(server.baseUrl, { method, path, key: k, body });
const SESSION_CREATED = 'plugipay.portal_session.created.v1';

// Each test subscribes a receiver of its own and removes it afterwards, so that the next test's
// events (the tests of this file run one after another) reach only the next test's receiver.
const cleanups: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  while (cleanups.length > 0) await cleanups.pop()!();
});

async function subscribe(events: string[], answer?: TAnswer) {
  const receiver = await startWebhookReceiver(answer);
  const res = await api(key(), 'POST', '/api/v1/webhook-endpoints', { url: receiver.url, events });
  expect(res.status).toBe(201);
  const endpoint = (await res.json()) as { id: string; secret: string };
  cleanups.push(receiver.close, () => api(key(), 'DELETE', `/api/v1/webhook-endpoints/${endpoint.id}`));
  return { receiver, endpoint };
}

async function deliveriesOf(endpointId: string, k = key()) {
  return (await (await api(k, 'GET', `/api/v1/webhook-endpoints/${endpointId}/deliveries`)).json()) as {
    data: { id: string; event: string; status: string; attemptCount: number; attempts: { responseStatus: number | null; latencyMs: number; responseBody: string | null; error: string | null }[] }[];
    hasMore: boolean;
  };
}

// A delivery's record is written once its receiver has answered; waiting for it, not for time.
async function settledDelivery(endpointId: string, eventId: string) {
  await expect.poll(async () => (await deliveriesOf(endpointId)).data.find((d) => d.event === eventId)?.status, { timeout: 20_000 }).toBe('succeeded');
  return (await deliveriesOf(endpointId)).data.find((d) => d.event === eventId)!;
}

// Something the endpoint is subscribed to, made after the events it must not get: the outbox is
// fanned out in the order events happened, so once this one arrives the earlier ones were fanned
// out too, and any delivery of theirs would be listed.
async function sentinelEvent(receiver: { waitFor: (n: number) => Promise<{ event: { id: string } }[]> }, n: number) {
  const customerId = server.fixtures.customers.webhookCard;
  expect((await api(key(), 'PATCH', `/api/v1/customers/${customerId}`, { metadata: { sentinel: String(Date.now()) } })).status).toBe(200);
  return (await receiver.waitFor(n)).at(-1)!.event.id;
}

describe('webhook delivery', () => {
  it('sends a cancel made in the portal once, signed so that the SDK verifies it, with the subscription as it then was', async () => {
    const { receiver, endpoint } = await subscribe(['plugipay.subscription.updated.v1', 'plugipay.subscription.canceled.v1']);
    const session = await mintPortalSession(server.baseUrl, key(), { customerId: server.fixtures.customers.webhookCancel });
    const { cookie } = await openLink(session.url);
    const html = await (await portalFetch(server.baseUrl, '/portal/subscription', cookie)).text();
    const subscriptionId = /sub_[0-9A-HJKMNP-TV-Z]{26}/.exec(html)![0];
    const cancel = await portalFetch(server.baseUrl, '/portal/api/subscription/cancel', cookie, {
      method: 'POST',
      headers: { Origin: server.baseUrl, 'Content-Type': 'application/json' },
      body: JSON.stringify({ subscriptionId, reason: 'too_expensive' }),
    });
    expect(cancel.status).toBe(200);

    const [webhook] = await receiver.waitFor(1);
    expect(webhook!.headers['content-type']).toBe('application/json');
    const event = verifyWebhook({ body: webhook!.body, signature: String(webhook!.headers['plugipay-signature']), secret: endpoint.secret });
    expect(event).toMatchObject({
      id: expect.stringMatching(/^evt_/),
      type: 'plugipay.subscription.updated.v1',
      account: key().accountId,
      createdAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
      data: { object: { id: subscriptionId, customerId: server.fixtures.customers.webhookCancel, cancelAtPeriodEnd: true } },
    });
    // The event in the API is the one delivered.
    const listed = await (await api(key(), 'GET', `/api/v1/events?type=plugipay.subscription.updated.v1&limit=1`)).json();
    expect(listed.data[0]).toEqual(event);

    expect(await settledDelivery(endpoint.id, event.id)).toMatchObject({ status: 'succeeded', attemptCount: 1, attempts: [{ responseStatus: 200 }] });
    expect((await deliveriesOf(endpoint.id)).data.map((d) => d.event)).toEqual([event.id]);
    expect(receiver.received).toHaveLength(1);
  });

  it('retries a failing receiver with backoff, recording every attempt, until it succeeds', async () => {
    const failure = 'x'.repeat(5_000);
    const { receiver, endpoint } = await subscribe([SESSION_CREATED], (n) => (n < 3 ? { status: 503, body: failure } : { status: 204 }));
    const session = await mintPortalSession(server.baseUrl, key(), { customerId: server.fixtures.customers.webhookCard });
    const received = await receiver.waitFor(4, 45_000);
    // The same event each time: a receiver drops repeats by its id.
    expect(new Set(received.map((r) => r.event.id)).size).toBe(1);
    expect(received[0]!.event.data.object).toMatchObject({ id: session.id, object: 'portal_session' });
    const gaps = received.slice(1).map((r, i) => Number(/t=(\d+)/.exec(String(r.headers['plugipay-signature']))![1]) - Number(/t=(\d+)/.exec(String(received[i]!.headers['plugipay-signature']))![1]));
    expect(gaps[2]!).toBeGreaterThanOrEqual(gaps[0]!);

    const delivery = await settledDelivery(endpoint.id, received[0]!.event.id);
    expect(delivery).toMatchObject({ status: 'succeeded', attemptCount: 4 });
    expect(delivery!.attempts.map((a) => a.responseStatus)).toEqual([204, 503, 503, 503]);
    for (const attempt of delivery!.attempts) expect(attempt.latencyMs).toBeGreaterThanOrEqual(0);
    // Receivers' answers are kept, truncated.
    expect(Buffer.byteLength(delivery!.attempts[1]!.responseBody!)).toBeLessThanOrEqual(2_048 + 3);
    expect(delivery!.attempts[1]!.responseBody!.startsWith('xxxx')).toBe(true);
    expect(receiver.received).toHaveLength(4);
  });

  it('gives a receiver 10 seconds, then records the timeout and tries again', async () => {
    const { receiver, endpoint } = await subscribe([SESSION_CREATED], (n) => (n === 0 ? 'hang' : { status: 200 }));
    await mintPortalSession(server.baseUrl, key(), { customerId: server.fixtures.customers.webhookCard });
    const [first, second] = await receiver.waitFor(2, 30_000);
    expect(second!.event.id).toBe(first!.event.id);
    const delivery = await settledDelivery(endpoint.id, first!.event.id);
    expect(delivery).toMatchObject({ status: 'succeeded', attemptCount: 2 });
    expect(delivery!.attempts[1]).toMatchObject({ responseStatus: null, error: 'no answer within 10 s' });
    expect(delivery!.attempts[1]!.latencyMs).toBeGreaterThanOrEqual(9_900);
    expect(delivery!.attempts[1]!.latencyMs).toBeLessThan(12_000);
  });

  it('records a receiver that is down as a failed attempt and tries again', async () => {
    const { receiver, endpoint } = await subscribe([SESSION_CREATED]);
    await receiver.close();
    await mintPortalSession(server.baseUrl, key(), { customerId: server.fixtures.customers.webhookCard });
    await expect.poll(async () => (await deliveriesOf(endpoint.id)).data[0]?.attemptCount ?? 0, { timeout: 20_000 }).toBeGreaterThanOrEqual(2);
    const [delivery] = (await deliveriesOf(endpoint.id)).data;
    expect(delivery!.status).toBe('pending');
    expect(delivery!.attempts[0]).toMatchObject({ responseStatus: null, error: expect.stringContaining('ECONNREFUSED') });
  });

  it('signs with the old secret beside the new one after a rotation; a forged, tampered or stale message fails', async () => {
    const { receiver, endpoint } = await subscribe([SESSION_CREATED]);
    const rotated = (await (await api(key(), 'POST', `/api/v1/webhook-endpoints/${endpoint.id}/rotate-secret`)).json()) as { secret: string };
    await mintPortalSession(server.baseUrl, key(), { customerId: server.fixtures.customers.webhookCard });
    const [webhook] = await receiver.waitFor(1);
    const signature = String(webhook!.headers['plugipay-signature']);
    expect(signature).toMatch(/^t=\d+,v1=[0-9a-f]{64},v1=[0-9a-f]{64}$/);
    for (const secret of [rotated.secret, endpoint.secret]) expect(verifyWebhook({ body: webhook!.body, signature, secret }).id).toBe(webhook!.event.id);

    const refused = (input: Parameters<typeof verifyWebhook>[0]) => expect(() => verifyWebhook(input)).toThrow(PlugipaySignatureVerificationError);
    refused({ body: webhook!.body, signature, secret: 'whsec_forged' });
    refused({ body: webhook!.body.replace(key().accountId, server.creds.otherMerchant.accountId), signature, secret: rotated.secret });
    refused({ body: webhook!.body, signature, secret: rotated.secret, toleranceSeconds: -1 });
    // The v1= of the current secret alone, replayed with a new timestamp, no longer matches.
    const now = Math.floor(Date.now() / 1000) + 5;
    refused({ body: webhook!.body, signature: signature.replace(/^t=\d+/, `t=${now}`), secret: rotated.secret });
  });

  it('redelivers an event on request, to its endpoints only, for its own account only', async () => {
    const { receiver, endpoint } = await subscribe([SESSION_CREATED]);
    await mintPortalSession(server.baseUrl, key(), { customerId: server.fixtures.customers.webhookCard });
    const [first] = await receiver.waitFor(1);
    const eventId = first!.event.id;

    expect((await api(server.creds.otherMerchant, 'POST', `/api/v1/events/${eventId}/redeliver`)).status).toBe(404);
    expect((await api(server.creds.otherMerchant, 'GET', `/api/v1/webhook-endpoints/${endpoint.id}/deliveries`)).status).toBe(404);
    expect((await api(key(), 'POST', `/api/v1/events/${eventId}/redeliver`, { endpoint: 'we_01ARZ3NDEKTSV4RRFFQ69G5FAV' })).status).toBe(404);
    expect(receiver.received).toHaveLength(1);

    const res = await api(key(), 'POST', `/api/v1/events/${eventId}/redeliver`, {});
    expect(res.status).toBe(202);
    expect((await res.json()).data).toMatchObject([{ event: eventId, endpoint: endpoint.id, status: 'pending' }]);
    const [, again] = await receiver.waitFor(2);
    expect(again!.event.id).toBe(eventId);
    expect(again!.body).toBe(first!.body);
  });

  it('ends a subscription when its cancellation comes due, with a canceled event that a later endpoint can be sent', async () => {
    const customerId = server.fixtures.customers.webhookPeriodEnded;
    type TSubscriptionEvent = { id: string; data: { object: { customerId: string; status: string; endedAt: string; currentPeriodEnd: string; cancelAtPeriodEnd: boolean } } };
    const find = async () =>
      ((await (await api(key(), 'GET', '/api/v1/events?type=plugipay.subscription.canceled.v1&limit=100')).json()).data as TSubscriptionEvent[]).find(
        (e) => e.data.object.customerId === customerId,
      );
    await expect.poll(find, { timeout: 20_000 }).toBeDefined();
    const event = (await find())!;
    expect(event.data.object).toMatchObject({ status: 'canceled', cancelAtPeriodEnd: false });
    expect(event.data.object.endedAt).toBe(event.data.object.currentPeriodEnd);
    expect(Date.parse(event.data.object.endedAt)).toBeLessThan(Date.now());

    // The endpoint did not exist when the event happened, so only a redelivery sends it there.
    const { receiver, endpoint } = await subscribe(['plugipay.subscription.canceled.v1', 'plugipay.customer.updated.v1']);
    const sentinel = await sentinelEvent(receiver, 1);
    expect((await deliveriesOf(endpoint.id)).data.map((d) => d.event)).toEqual([sentinel]);
    expect((await api(key(), 'POST', `/api/v1/events/${event.id}/redeliver`)).status).toBe(202);
    const [, webhook] = await receiver.waitFor(2);
    expect(webhook!.event.id).toBe(event.id);
  });

  it('does not send events an endpoint is not subscribed to, nor other accounts’ events', async () => {
    const { receiver, endpoint } = await subscribe(['plugipay.payment_method.updated.v1', 'plugipay.customer.updated.v1']);
    await mintPortalSession(server.baseUrl, key(), { customerId: server.fixtures.customers.webhookCard });
    await mintPortalSession(server.baseUrl, server.creds.merchant, { customerId: server.creds.customers.active });
    const sentinel = await sentinelEvent(receiver, 1);
    expect((await deliveriesOf(endpoint.id)).data.map((d) => d.event)).toEqual([sentinel]);
    expect(receiver.received.map((r) => r.event.id)).toEqual([sentinel]);
  });

  it('refuses bad redelivery and delivery-list requests clearly', async () => {
    expect((await api(key(), 'POST', '/api/v1/events/evt_nope/redeliver')).status).toBe(404);
    const bad = await api(key(), 'GET', '/api/v1/webhook-endpoints/we_01ARZ3NDEKTSV4RRFFQ69G5FAV/deliveries?limit=0');
    expect(bad.status).toBe(400);
    expect((await bad.json()).error).toMatchObject({ code: 'validation_error', param: 'limit' });
    expect((await api(server.creds.noScopeKey, 'GET', '/api/v1/webhook-endpoints/we_01ARZ3NDEKTSV4RRFFQ69G5FAV/deliveries')).status).toBe(403);
  });
});
