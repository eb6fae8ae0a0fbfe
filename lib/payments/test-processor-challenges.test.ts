import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CHALLENGE_KEPT_MS, CHALLENGE_TTL_MS, createChallengeStore } from './test-processor-challenges';

// The test bank's clock rules, on an injected clock: the portal tests cover the rest over HTTP.
const card = { brand: 'visa', last4: '3184', fingerprint: 'fp' } as const;
const start = new Date('2026-11-28T12:00:00Z');
const later = (ms: number) => new Date(start.getTime() + ms);

function store() {
  const bank = createChallengeStore(mkdtempSync(path.join(tmpdir(), 'bank-')));
  const challenge = bank.create({ kind: 'payment', card, amount: '1500', currency: 'EUR', merchantName: 'Acme', returnUrl: '/portal/challenge/x' }, start);
  return { bank, id: challenge.id };
}

describe('a 3-D Secure challenge at the test bank', () => {
  it('lapses unanswered after its time, and an answer given then stands for nothing', () => {
    const { bank, id } = store();
    expect(bank.outcome(id, later(CHALLENGE_TTL_MS)).status).toBe('pending');
    expect(bank.outcome(id, later(CHALLENGE_TTL_MS + 1)).status).toBe('expired');
    expect(bank.decide(id, 'succeeded', later(CHALLENGE_TTL_MS + 1)).status).toBe('expired');
  });

  it('forgets a challenge a day after it lapsed, and not before', () => {
    const { bank, id } = store();
    bank.decide(id, 'succeeded', later(1000));
    expect(bank.spend(id, 'inv_1:attempt-1')).toBe(true);
    const lapsed = CHALLENGE_TTL_MS + CHALLENGE_KEPT_MS;
    bank.create({ kind: 'setup', card, merchantName: 'Acme', returnUrl: '/portal' }, later(lapsed));
    expect(bank.outcome(id, later(lapsed)).status).toBe('succeeded');
    expect(bank.spend(id, 'inv_1:attempt-1')).toBe(true);
    // An hour on, the bank looks again: the old challenge, its answer and its spending are gone; the new one stays.
    const newer = bank.create({ kind: 'setup', card, merchantName: 'Acme', returnUrl: '/portal' }, later(lapsed + 60 * 60 * 1000));
    expect(bank.find(id)).toBeUndefined();
    expect(bank.outcome(id, later(lapsed + 60 * 60 * 1000)).status).toBe('expired');
    expect(bank.find(newer.id)).toMatchObject({ kind: 'setup' });
  });

  it('keeps the first answer, whatever comes after', () => {
    const { bank, id } = store();
    expect(bank.decide(id, 'failed', later(1000)).status).toBe('failed');
    expect(bank.decide(id, 'succeeded', later(2000)).status).toBe('failed');
    expect(bank.outcome(id, later(CHALLENGE_TTL_MS * 2)).status).toBe('failed');
  });

  it('pays for one charge: the key that spent it, and no other', () => {
    const { bank, id } = store();
    expect(bank.spend(id, 'inv_1:attempt-2')).toBe(true);
    expect(bank.spend(id, 'inv_1:attempt-2')).toBe(true);
    expect(bank.spend(id, 'inv_1:attempt-3')).toBe(false);
  });

  it('knows nothing of ids it did not make, nor of paths dressed as ids', () => {
    const { bank } = store();
    expect(bank.find('3ds_AAAAAAAAAAAAAAAAAAAAAA')).toBeUndefined();
    expect(bank.find('../../etc/passwd')).toBeUndefined();
    expect(bank.decide('3ds_AAAAAAAAAAAAAAAAAAAAAA', 'succeeded', start).status).toBe('expired');
  });
});
