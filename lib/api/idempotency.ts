import 'server-only';
import { createHash } from 'node:crypto';
import { Prisma } from '../db/generated/client';
import { getPrisma } from '../db/get-db';
import { newId } from '../ids/new-id';
import { ApiError } from './errors';

export const IDEMPOTENCY_HEADER = 'Idempotency-Key';
const RETENTION_MS = 24 * 60 * 60 * 1000;
const WAIT_FOR_FIRST_MS = 15_000;

export type TStoredResponse = { status: number; body: unknown };
export type TIdempotencyClaim = { kind: 'first'; recordId: string } | { kind: 'replay'; response: TStoredResponse };

type TRequestShape = { accountId: string; apiKeyId: string; key: string; method: string; path: string; body: string };

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
 * Claims an Idempotency-Key for this request. The unique (accountId, key) row decides who is first,
 * across instances; a concurrent duplicate waits for the first response and replays it. The same
 * key with another request is 409.
 */
export async function claimIdempotencyKey(req: TRequestShape, now: number = Date.now()): Promise<TIdempotencyClaim> {
  const prisma = getPrisma();
  const hash = requestHash(req);
  const deadline = Date.now() + WAIT_FOR_FIRST_MS;
  for (;;) {
    const recordId = newId('idempotencyRecord');
    const { count } = await prisma.idempotencyRecord.createMany({
      data: [{ id: recordId, accountId: req.accountId, apiKeyId: req.apiKeyId, key: req.key, method: req.method, path: req.path, requestHash: hash, expiresAt: new Date(now + RETENTION_MS) }],
      skipDuplicates: true,
    });
    if (count === 1) return { kind: 'first', recordId };

    const existing = await prisma.idempotencyRecord.findUnique({ where: { accountId_key: { accountId: req.accountId, key: req.key } } });
    if (!existing) continue; // released or expired between the two statements: try again
    if (existing.expiresAt.getTime() <= now) {
      await prisma.idempotencyRecord.deleteMany({ where: { id: existing.id, expiresAt: { lte: new Date(now) } } });
      continue;
    }
    if (existing.requestHash !== hash) {
      throw new ApiError('idempotency_conflict', `This ${IDEMPOTENCY_HEADER} was already used with a different request.`, IDEMPOTENCY_HEADER);
    }
    if (existing.responseStatus !== null) {
      return { kind: 'replay', response: { status: existing.responseStatus, body: existing.responseBody } };
    }
    if (Date.now() > deadline) {
      throw new ApiError('idempotency_conflict', `A request with this ${IDEMPOTENCY_HEADER} is still in progress; retry later.`, IDEMPOTENCY_HEADER);
    }
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** Stores the first response, to be replayed for every duplicate within 24 hours. */
export async function completeIdempotencyKey(recordId: string, response: TStoredResponse): Promise<void> {
  await getPrisma().idempotencyRecord.update({
    where: { id: recordId },
    data: { responseStatus: response.status, responseBody: response.body as Prisma.InputJsonValue },
  });
}

/** Frees the key after a server error, so that a retry runs the request again. */
export async function releaseIdempotencyKey(recordId: string): Promise<void> {
  await getPrisma().idempotencyRecord.deleteMany({ where: { id: recordId, responseStatus: null } });
}
