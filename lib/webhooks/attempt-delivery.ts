import 'server-only';
import { getConfig } from '../config/get-config';
import { decryptSecret } from '../crypto/secret-box';
import { getPrisma } from '../db/get-db';
import { newId } from '../ids/new-id';
import { logger } from '../log/logger';
import type { TAddressPolicy } from './address-policy';
import { nextAttemptAt } from './retry-schedule';
import { sendWebhook } from './send-webhook';
import { serializeEvent } from './serialize-event';
import { webhookSignatureHeader } from './webhook-signature';

export const USER_AGENT = 'Plugipay-Webhooks/1';

/** The secrets that sign now: the current one, and the one before a rotation during its grace period. */
function signingSecrets(endpoint: { id: string; secretCiphertext: string; previousSecretCiphertext: string | null; previousSecretExpiresAt: Date | null }, now: Date): string[] {
  const { masterKey } = getConfig();
  const secrets = [decryptSecret(endpoint.secretCiphertext, masterKey, endpoint.id)];
  if (endpoint.previousSecretCiphertext && endpoint.previousSecretExpiresAt && endpoint.previousSecretExpiresAt > now) {
    secrets.push(decryptSecret(endpoint.previousSecretCiphertext, masterKey, endpoint.id));
  }
  return secrets;
}

/**
 * Makes one attempt at a delivery this worker has claimed, and records it: a 2xx answer succeeds
 * it; anything else schedules the next attempt, or fails it once the retry window is over.
 */
export async function attemptDelivery({ id, lockedUntil }: { id: string; lockedUntil: Date }, policy: TAddressPolicy, stopping?: AbortSignal): Promise<void> {
  const prisma = getPrisma();
  const delivery = await prisma.webhookDelivery.findFirst({ where: { id, lockedUntil }, include: { event: true, endpoint: true } });
  if (!delivery) return; // the claim was lost (the lease ran out); whoever holds it now delivers
  const release = { lockedUntil: null };
  if (delivery.endpoint.deletedAt || delivery.endpoint.status !== 'enabled') {
    await prisma.webhookDelivery.update({ where: { id }, data: { status: 'failed', ...release } });
    return;
  }

  const started = new Date();
  const body = JSON.stringify(serializeEvent(delivery.event));
  const headers = {
    'Content-Type': 'application/json',
    'User-Agent': USER_AGENT,
    'Plugipay-Signature': webhookSignatureHeader(body, signingSecrets(delivery.endpoint, started), Math.floor(started.getTime() / 1000)),
  };
  const result = await sendWebhook(delivery.endpoint.url, body, headers, policy, stopping);
  const succeeded = result.status !== undefined && result.status >= 200 && result.status < 300;
  const failedAttempts = delivery.attemptCount + 1;
  const next = succeeded ? undefined : nextAttemptAt(failedAttempts, new Date(), delivery.retryUntil, getConfig().webhookRetryBaseSeconds);

  await prisma.$transaction([
    prisma.webhookAttempt.create({
      data: {
        id: newId('webhookAttempt'),
        deliveryId: id,
        attemptedAt: started,
        responseStatus: result.status ?? null,
        latencyMs: result.latencyMs,
        responseBody: result.responseBody ?? null,
        error: result.error ?? null,
      },
    }),
    // Only while the claim is still this worker's: a worker that outlived its lease leaves the row alone.
    prisma.webhookDelivery.updateMany({
      where: { id, lockedUntil },
      data: {
        attemptCount: { increment: 1 },
        status: succeeded ? 'succeeded' : next ? 'pending' : 'failed',
        ...(next ? { nextAttemptAt: next } : {}),
        ...release,
      },
    }),
  ]);
  logger.info(
    { deliveryId: id, eventId: delivery.eventId, endpointId: delivery.endpointId, status: result.status, latencyMs: result.latencyMs, error: result.error, succeeded },
    'webhook attempt',
  );
}
