import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tokenOf } from '../testing/portal-links';
import { dumpAllRows, startScratchServer, type TScratchServer } from '../testing/scratch-server';
import { signedFetch } from '../testing/signed-fetch';

// A server of its own: the test reads every table of its database, and stops and restarts it.
let server: TScratchServer;
beforeAll(async () => {
  server = await startScratchServer();
});
afterAll(async () => {
  await server?.dispose();
});

const post = (path: string, body: unknown, idempotencyKey: string) =>
  signedFetch(server.baseUrl, { method: 'POST', path, body, key: server.creds.merchant, headers: { 'Idempotency-Key': idempotencyKey } });

describe('Idempotency-Key records', () => {
  it('replay secrets and live links, yet no column of any table holds them in clear', async () => {
    const created = await post('/api/v1/webhook-endpoints', { url: 'https://hooks.example.com/at-rest', events: ['*'] }, 'at-rest-create');
    expect(created.status).toBe(201);
    const endpoint = await created.json();
    const rotated = await (await post(`/api/v1/webhook-endpoints/${endpoint.id}/rotate-secret`, undefined, 'at-rest-rotate')).json();
    const session = await (await post('/api/v1/portal-sessions', { customerId: server.creds.customers.active, returnUrl: 'https://yourapp.com/billing' }, 'at-rest-mint')).json();

    // Replays still answer with what the first request answered.
    const replayed = await post('/api/v1/webhook-endpoints', { url: 'https://hooks.example.com/at-rest', events: ['*'] }, 'at-rest-create');
    expect(replayed.headers.get('idempotent-replayed')).toBe('true');
    expect((await replayed.json()).secret).toBe(endpoint.secret);
    expect((await (await post(`/api/v1/webhook-endpoints/${endpoint.id}/rotate-secret`, undefined, 'at-rest-rotate')).json()).secret).toBe(rotated.secret);
    expect((await (await post('/api/v1/portal-sessions', { customerId: server.creds.customers.active, returnUrl: 'https://yourapp.com/billing' }, 'at-rest-mint')).json()).url).toBe(session.url);

    expect(await server.halt()).toBe(0);
    const db = server.openDb();
    let rows: string;
    try {
      rows = await dumpAllRows(db);
    } finally {
      await db.close();
    }
    expect(rows).toContain(endpoint.id); // the dump does see the tables
    const token = tokenOf(session.url);
    for (const secret of [endpoint.secret, rotated.secret, session.url, token, token.split('.').pop()!]) {
      expect(rows.includes(secret), `found in the database: ${secret.slice(0, 12)}…`).toBe(false);
    }
  });

  it('left in progress by an instance that died is taken over once its lease has run out, and not before', async () => {
    const body = JSON.stringify({ customerId: server.creds.customers.active, returnUrl: 'https://yourapp.com/billing' });
    const hash = createHash('sha256').update(`POST\n/api/v1/portal-sessions\n${body}`).digest('hex');
    const { accountId } = server.creds.merchant;
    await server.halt();
    const db = server.openDb();
    try {
      // What an instance killed mid-request leaves behind: a claim with no reply.
      const claim = (id: string, key: string, claimedUntil: Date) =>
        db.sql.query(
          `INSERT INTO "IdempotencyRecord" ("id","accountId","keyAccountId","apiKeyId","key","method","path","requestHash","claimedUntil","expiresAt")
           VALUES ($1,$2,$2,$3,$4,'POST','/api/v1/portal-sessions',$5,$6,now() + interval '1 day')`,
          [id, accountId, server.creds.merchant.keyId, key, hash, claimedUntil],
        );
      await claim('idem_01JZZZZZZZZZZZZZZZZZZZZZZ1', 'crashed-long-ago', new Date(Date.now() - 60_000));
      await claim('idem_01JZZZZZZZZZZZZZZZZZZZZZZ2', 'still-running', new Date(Date.now() + 3_600_000));
    } finally {
      await db.close();
    }
    await server.launch();

    const retry = await signedFetch(server.baseUrl, { path: '/api/v1/portal-sessions', rawBody: body, key: server.creds.merchant, headers: { 'Idempotency-Key': 'crashed-long-ago' } });
    expect(retry.status).toBe(201);
    const session = await retry.json();
    const replay = await signedFetch(server.baseUrl, { path: '/api/v1/portal-sessions', rawBody: body, key: server.creds.merchant, headers: { 'Idempotency-Key': 'crashed-long-ago' } });
    expect(replay.headers.get('idempotent-replayed')).toBe('true');
    expect((await replay.json()).id).toBe(session.id);

    const waiting = await signedFetch(server.baseUrl, { path: '/api/v1/portal-sessions', rawBody: body, key: server.creds.merchant, headers: { 'Idempotency-Key': 'still-running' } });
    expect(waiting.status).toBe(409);
    expect((await waiting.json()).error).toMatchObject({ code: 'idempotency_conflict', param: 'Idempotency-Key' });
  });
});
