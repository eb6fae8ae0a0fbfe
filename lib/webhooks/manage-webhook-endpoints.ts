import 'server-only';
import { randomBytes } from 'node:crypto';
import { ApiError } from '../api/errors';
import { addressPolicyFromConfig, assertHostAllowed, RefusedAddressError } from './address-policy';
import { getConfig } from '../config/get-config';
import { encryptSecret } from '../crypto/secret-box';
import { getPrisma } from '../db/get-db';
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

export async function createWebhookEndpoint(accountId: string, { url, events }: { url: string; events: string[] }) {
  await assertReachable(url);
  const id = newId('webhookEndpoint');
  const secret = newSecret();
  const endpoint = await getPrisma().webhookEndpoint.create({
    data: { id, accountId, url, events, secretCiphertext: encryptSecret(secret, getConfig().masterKey, id) },
  });
  return serializeWebhookEndpoint(endpoint, secret);
}

export async function listWebhookEndpoints(accountId: string) {
  const endpoints = await getPrisma().webhookEndpoint.findMany({ where: { accountId, deletedAt: null }, orderBy: { createdAt: 'desc' }, take: 100 });
  return { object: 'list' as const, data: endpoints.map((e) => serializeWebhookEndpoint(e)), hasMore: false };
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
