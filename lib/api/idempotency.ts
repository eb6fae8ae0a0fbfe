import 'server-only';
import { createHash } from 'node:crypto';
import { getConfig } from '../config/get-config';
import { decryptSecret, encryptSecret } from '../crypto/secret-box';
import { getPrisma } from '../db/get-db';
import { newId } from '../ids/new-id';
import { ApiError } from './errors';

export const IDEMPOTENCY_HEADER = 'Idempotency-Key';
const RETENTION_MS = 24 * 60 * 60 * 1000;
const WAIT_FOR_FIRST_MS = 15_000;
/** How long a claim stays the first request's while it runs; past it, the instance is taken for dead. */
export const CLAIM_LEASE_MS = 30_000;

export type TStoredResponse = { status: number; body: unknown };
export type TIdempotencyClaim = { kind: 'first'; recordId: string } | { kind: 'replay'; response: TStoredResponse };

type TRequestShape = {
  /** The account the request acts for. */
  accountId: string;
  /** The account of the key that signed it (a platform's, when it acts for a merchant). */
  keyAccountId: string;
  apiKeyId: string;
  key: string;
  method: string;
  path: string;
  body: string;
};

export function parseIdempotencyKey(value: string | null): string | undefined {
  if (value === null) return undefined;
  if (!/^[\x21-\x7e]{1,255}$/.test(value)) {
    throw new ApiError('validation_error', `${IDEMPOTENCY_HEADER} must be 1 to 255 visible ASCII characters.`, IDEMPOTENCY_HEADER);
  }
  return value;
}

function requestHash({ method, path, body }: TRequestShape): string {
  return createHash('sha256').update(`${method}\n${path}\n${body}`).digest('hex');
}

/**
 * Claims an Idempotency-Key for this request. The unique (acting account, key's account, key) row
 * decides who is first, across instances; a concurrent duplicate waits for the first response and
 * replays it, and takes the claim over once its lease has run out (the first instance died). The
 * same key with another request is 409.
 */
export async function claimIdempotencyKey(req: TRequestShape, clock: () => number = Date.now): Promise<TIdempotencyClaim> {
  const prisma = getPrisma();
  const hash = requestHash(req);
  const deadline = clock() + WAIT_FOR_FIRST_MS;
  for (;;) {
    const now = clock();
    const recordId = newId('idempotencyRecord');
    const { count } = await prisma.idempotencyRecord.createMany({
      data: [{
        id: recordId, accountId: req.accountId, keyAccountId: req.keyAccountId, apiKeyId: req.apiKeyId, key: req.key,
        method: req.method, path: req.path, requestHash: hash, claimedUntil: new Date(now + CLAIM_LEASE_MS), expiresAt: new Date(now + RETENTION_MS),
      }],
      skipDuplicates: true,
    });
    if (count === 1) return { kind: 'first', recordId };

    const existing = await prisma.idempotencyRecord.findUnique({
      where: { accountId_keyAccountId_key: { accountId: req.accountId, keyAccountId: req.keyAccountId, key: req.key } },
    });
    if (!existing) continue; // released or expired between the two statements: try again
    if (existing.expiresAt.getTime() <= now) {
      await prisma.idempotencyRecord.deleteMany({ where: { id: existing.id, expiresAt: { lte: new Date(now) } } });
      continue;
    }
    if (existing.requestHash !== hash) {
      throw new ApiError('idempotency_conflict', `This ${IDEMPOTENCY_HEADER} was already used with a different request.`, IDEMPOTENCY_HEADER);
    }
    if (existing.responseStatus !== null && existing.responseCiphertext !== null) {
      const body = JSON.parse(decryptSecret(existing.responseCiphertext, getConfig().masterKey, existing.id)) as unknown;
      return { kind: 'replay', response: { status: existing.responseStatus, body } };
    }
    if (existing.claimedUntil.getTime() <= now) {
      const { count: taken } = await prisma.idempotencyRecord.updateMany({
        where: { id: existing.id, responseStatus: null, claimedUntil: { lte: new Date(now) } },
        data: { claimedUntil: new Date(now + CLAIM_LEASE_MS) },
      });
      if (taken === 1) return { kind: 'first', recordId: existing.id };
      continue;
    }
    if (now > deadline) {
      throw new ApiError('idempotency_conflict', `A request with this ${IDEMPOTENCY_HEADER} is still in progress; retry later.`, IDEMPOTENCY_HEADER);
    }
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** Stores the first response, encrypted, to be replayed for every duplicate within 24 hours. */
export async function completeIdempotencyKey(recordId: string, response: TStoredResponse): Promise<void> {
  await getPrisma().idempotencyRecord.updateMany({
    where: { id: recordId, responseStatus: null },
    data: { responseStatus: response.status, responseCiphertext: encryptSecret(JSON.stringify(response.body), getConfig().masterKey, recordId) },
  });
}

/** Frees the key after a server error, so that a retry runs the request again. */
export async function releaseIdempotencyKey(recordId: string): Promise<void> {
  await getPrisma().idempotencyRecord.deleteMany({ where: { id: recordId, responseStatus: null } });
}
