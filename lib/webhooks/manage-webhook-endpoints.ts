import 'server-only';
import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import { zLimit } from '../api/api-schemas';
import { ApiError } from '../api/errors';
import { addressPolicyFromConfig, assertHostAllowed, RefusedAddressError } from './address-policy';
import { getConfig } from '../config/get-config';
import { encryptSecret } from '../crypto/secret-box';
import { getPrisma } from '../db/get-db';
import { lockAccount } from '../db/row-locks';
import { isId, newId } from '../ids/new-id';
import { serializeWebhookEndpoint } from './serialize-webhook-endpoint';

/** How long the secret before a rotation keeps signing, beside the new one. */
export const ROTATION_GRACE_MS = 24 * 60 * 60 * 1000;

function newSecret(): string {
  return `whsec_${randomBytes(32).toString('base64url')}`;
}

/** Refuses, as a validation error on `url`, a host that resolves to an address webhooks may not reach. */
async function assertReachable(url: string): Promise<void> {
  try {
    await assertHostAllowed(new URL(url).hostname, addressPolicyFromConfig());
  } catch (error) {
    if (error instanceof RefusedAddressError) throw new ApiError('validation_error', `url: ${error.message}.`, 'url');
    throw error;
  }
}

/** Endpoints an account may have at once: every event is sent to each, so more would amplify. */
export const MAX_WEBHOOK_ENDPOINTS = 16;

export async function createWebhookEndpoint(accountId: string, { url, events }: { url: string; events: string[] }) {
  await assertReachable(url);
  const id = newId('webhookEndpoint');
  const secret = newSecret();
  const endpoint = await getPrisma().$transaction(async (tx) => {
    // The account row's lock makes concurrent creations count one after another, on every instance.
    await lockAccount(tx, accountId);
    if ((await tx.webhookEndpoint.count({ where: { accountId, deletedAt: null } })) >= MAX_WEBHOOK_ENDPOINTS) {
      throw new ApiError('invalid_state', `This account already has ${MAX_WEBHOOK_ENDPOINTS} webhook endpoints, the most it may have; delete one first.`);
    }
    return tx.webhookEndpoint.create({ data: { id, accountId, url, events, secretCiphertext: encryptSecret(secret, getConfig().masterKey, id) } });
  });
  return serializeWebhookEndpoint(endpoint, secret);
}

export const ZListWebhookEndpointsQuery = z.strictObject({
  startingAfter: z.string().refine((v) => isId('webhookEndpoint', v), { message: 'must be a webhook endpoint id (we_…)' }).optional(),
  limit: zLimit(10),
});

/** The account's endpoints, newest first (ids are ULIDs), a page at a time. */
export async function listWebhookEndpoints(accountId: string, { startingAfter, limit }: z.infer<typeof ZListWebhookEndpointsQuery>) {
  const rows = await getPrisma().webhookEndpoint.findMany({
    where: { accountId, deletedAt: null, ...(startingAfter ? { id: { lt: startingAfter } } : {}) },
    orderBy: { id: 'desc' },
    take: limit + 1,
  });
  return { object: 'list' as const, data: rows.slice(0, limit).map((e) => serializeWebhookEndpoint(e)), hasMore: rows.length > limit };
}

/** The account's endpoint, or the API's 404; a deleted one only for reading its past deliveries. */
export async function findEndpointOrThrow(accountId: string, id: string, { includeDeleted = false } = {}) {
  const where = { id, accountId, ...(includeDeleted ? {} : { deletedAt: null }) };
  const endpoint = isId('webhookEndpoint', id) ? await getPrisma().webhookEndpoint.findFirst({ where }) : null;
  if (!endpoint) throw new ApiError('not_found', `No such webhook endpoint: ${id}.`, 'id');
  return endpoint;
}

export async function deleteWebhookEndpoint(accountId: string, id: string) {
  const endpoint = await findEndpointOrThrow(accountId, id);
  await getPrisma().webhookEndpoint.updateMany({ where: { id: endpoint.id, accountId }, data: { deletedAt: new Date(), status: 'disabled' } });
  return { id: endpoint.id, object: 'webhook_endpoint' as const, deleted: true };
}

/** A new secret; the previous one keeps signing (a second v1= in the header) for the grace period. */
export async function rotateWebhookSecret(accountId: string, id: string, now = new Date()) {
  const endpoint = await findEndpointOrThrow(accountId, id);
  const secret = newSecret();
  const updated = await getPrisma().webhookEndpoint.update({
    where: { id: endpoint.id },
    data: {
      secretCiphertext: encryptSecret(secret, getConfig().masterKey, endpoint.id),
      previousSecretCiphertext: endpoint.secretCiphertext,
      previousSecretExpiresAt: new Date(now.getTime() + ROTATION_GRACE_MS),
    },
  });
  return serializeWebhookEndpoint(updated, secret);
}
