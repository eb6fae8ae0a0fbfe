import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { TChargeResult } from './payment-processor';
import { createChargeLedger, LEDGER_TTL_MS } from './test-processor-ledger';

// The ledger's retention on an injected clock; charging once per key across processes is covered
// by the worker test that kills an engine between charging and recording.
const start = new Date('2026-11-28T12:00:00Z');
const later = (ms: number) => new Date(start.getTime() + ms);
const HOUR = 60 * 60 * 1000;
const request = (idempotencyKey: string) => ({ card: { fingerprint: 'fp' }, amount: 1500n, currency: 'EUR', reference: 'inv_1', idempotencyKey });
const approved: () => TChargeResult = () => ({ ok: true });
const declined: () => TChargeResult = () => ({ ok: false, code: 'card_declined' });

describe('the test processor’s charge ledger', () => {
  it('answers a key with its first outcome for a day, then forgets it', () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'ledger-'));
    const ledger = createChargeLedger(dataDir);
    const files = () => readdirSync(path.join(dataDir, 'test-processor', 'charges'));

    expect(ledger.answer(request('inv_1:attempt-1'), start, approved)).toEqual({ ok: true });
    expect(ledger.answer(request('inv_1:attempt-1'), later(LEDGER_TTL_MS - HOUR), declined)).toEqual({ ok: true });
    expect(ledger.answer(request('inv_2:attempt-1'), later(LEDGER_TTL_MS - HOUR), declined)).toEqual({ ok: false, code: 'card_declined' });
    expect(files()).toHaveLength(2);

    // Two hours on, the first key's day is over: its file is gone and the key is decided anew.
    expect(ledger.answer(request('inv_3:attempt-1'), later(LEDGER_TTL_MS + HOUR), approved)).toEqual({ ok: true });
    expect(files()).toHaveLength(2);
    expect(ledger.answer(request('inv_1:attempt-1'), later(LEDGER_TTL_MS + HOUR), declined)).toEqual({ ok: false, code: 'card_declined' });
    expect(ledger.answer(request('inv_2:attempt-1'), later(LEDGER_TTL_MS + HOUR), approved)).toEqual({ ok: false, code: 'card_declined' });
  });

  it('keeps a key that another ledger on the same folder (another process) recorded', () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'ledger-'));
    expect(createChargeLedger(dataDir).answer(request('inv_9:attempt-1'), start, declined)).toEqual({ ok: false, code: 'card_declined' });
    expect(createChargeLedger(dataDir).answer(request('inv_9:attempt-1'), later(HOUR), approved)).toEqual({ ok: false, code: 'card_declined' });
  });
});
