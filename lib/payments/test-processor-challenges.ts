import 'server-only';
import { randomBytes } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { TChallengeOutcome, TSavedCard } from './payment-processor';

/** How long the customer has to answer the bank before the challenge lapses. */
export const CHALLENGE_TTL_MS = 15 * 60 * 1000;
/**
 * How long the bank remembers a challenge after it lapsed: a charge retried with the key that spent
 * it (an engine restarted between charging and recording) still finds it; then its files go.
 */
export const CHALLENGE_KEPT_MS = 24 * 60 * 60 * 1000;
const PRUNE_EVERY_MS = 60 * 60 * 1000;

export type TStoredChallenge = {
  id: string;
  kind: 'setup' | 'payment';
  /** The card in question: whole when it is being saved, the bank's part of it for a payment. */
  card: Pick<TSavedCard, 'brand' | 'last4' | 'fingerprint'> & Partial<TSavedCard>;
  /** For a payment: what the customer is asked to confirm. */
  amount?: string;
  currency?: string;
  merchantName: string;
  returnUrl: string;
  expiresAt: string;
};

type TDecision = 'succeeded' | 'failed' | 'abandoned';

/**
 * The test processor's 3-D Secure challenges, as its bank keeps them: one file per challenge under
 * `<DATA_DIR>/test-processor/challenges/`, and the customer's decision in a second file created
 * exclusively, so the first answer (from the bank's page or an abandonment) is the only one.
 */
export function createChallengeStore(dataDir: string) {
  const dir = path.join(dataDir, 'test-processor', 'challenges');
  mkdirSync(dir, { recursive: true });
  // Ids are the only key to the bank's page: random, and checked for shape before touching a path.
  const fileOf = (id: string, suffix: string) => (/^3ds_[A-Za-z0-9_-]{22}$/.test(id) ? path.join(dir, `${id}.${suffix}.json`) : undefined);
  const readJson = <T>(file: string | undefined): T | undefined => {
    if (!file) return undefined;
    try {
      return JSON.parse(readFileSync(file, 'utf8')) as T;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw error;
    }
  };
  const decisionOf = (id: string) => readJson<{ decision: TDecision }>(fileOf(id, 'decision'))?.decision;
  let prunedAt = -Infinity;
  // Forgets the challenges that lapsed more than CHALLENGE_KEPT_MS ago, at most once an hour, so that
  // a long-running demo's folder does not grow for ever.
  const prune = (now: Date) => {
    if (now.getTime() - prunedAt < PRUNE_EVERY_MS) return;
    prunedAt = now.getTime();
    for (const name of readdirSync(dir)) {
      const id = /^(3ds_[A-Za-z0-9_-]{22})\.challenge\.json$/.exec(name)?.[1];
      const expiresAt = id && readJson<TStoredChallenge>(fileOf(id, 'challenge'))?.expiresAt;
      if (!id || !expiresAt || now.getTime() - Date.parse(expiresAt) <= CHALLENGE_KEPT_MS) continue;
      for (const suffix of ['decision', 'spent', 'challenge']) rmSync(fileOf(id, suffix)!, { force: true });
    }
  };

  const store = {
    create(challenge: Omit<TStoredChallenge, 'id' | 'expiresAt'>, now: Date): TStoredChallenge {
      prune(now);
      const stored = { ...challenge, id: `3ds_${randomBytes(16).toString('base64url')}`, expiresAt: new Date(now.getTime() + CHALLENGE_TTL_MS).toISOString() };
      writeFileSync(fileOf(stored.id, 'challenge')!, JSON.stringify(stored), { flag: 'wx' });
      return stored;
    },
    find(id: string): TStoredChallenge | undefined {
      return readJson<TStoredChallenge>(fileOf(id, 'challenge'));
    },
    /** Records the decision unless one is already there; answers with the one that stands. */
    decide(id: string, decision: TDecision, now: Date): TChallengeOutcome {
      const challenge = store.find(id);
      if (!challenge) return { status: 'expired' };
      if (!decisionOf(id) && now.getTime() <= Date.parse(challenge.expiresAt)) {
        try {
          writeFileSync(fileOf(id, 'decision')!, JSON.stringify({ decision, at: now.toISOString() }), { flag: 'wx' });
        } catch (error) {
          if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
        }
      }
      return store.outcome(id, now);
    },
    /** One passed challenge pays for one charge: the first key to spend it, and only that key again. */
    spend(id: string, idempotencyKey: string): boolean {
      try {
        writeFileSync(fileOf(id, 'spent')!, JSON.stringify({ idempotencyKey }), { flag: 'wx' });
        return true;
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
        return readJson<{ idempotencyKey: string }>(fileOf(id, 'spent'))?.idempotencyKey === idempotencyKey;
      }
    },
    outcome(id: string, now: Date): TChallengeOutcome {
      const challenge = store.find(id);
      if (!challenge) return { status: 'expired' };
      const decision = decisionOf(id);
      if (decision === 'succeeded') return { status: 'succeeded', card: challenge.kind === 'setup' ? (challenge.card as TSavedCard) : undefined };
      if (decision) return { status: decision };
      return now.getTime() > Date.parse(challenge.expiresAt) ? { status: 'expired' } : { status: 'pending' };
    },
  };
  return store;
}
