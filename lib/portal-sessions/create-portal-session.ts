import 'server-only';
import type { TActingAccount } from '../accounts/resolve-acting-account';
import { ApiError } from '../api/errors';
import { getConfig } from '../config/get-config';
import { getPrisma } from '../db/get-db';
import { newId } from '../ids/new-id';
import { recordEvent } from '../webhooks/record-event';
import type { TCreatePortalSession } from './portal-session-input';
import { signPortalToken } from './portal-token';
import { serializePortalSession } from './serialize-portal-session';

type TCreateOptions = { account: TActingAccount; apiKeyId: string; input: TCreatePortalSession; now?: Date };

/**
 * Mints a single-use portal link for one customer of the acting account, and records
 * plugipay.portal_session.created.v1 in the same transaction.
 */
export async function createPortalSession({ account, apiKeyId, input, now = new Date() }: TCreateOptions) {
  const config = getConfig();
  const prisma = getPrisma();
  const { accountId } = account;

  const customer = await prisma.customer.findFirst({ where: { id: input.customerId, accountId }, select: { id: true } });
  if (!customer) throw new ApiError('not_found', `No such customer: ${input.customerId}.`, 'customerId');
  if (input.flow) await assertFlowAllowed(accountId, customer.id, input.flow);

  const expiresAt = new Date(now.getTime() + config.portalSessionTtlSeconds * 1000);
  const session = await prisma.$transaction(async (tx) => {
    const created = await tx.portalSession.create({
      data: {
        id: newId('portalSession'),
        accountId,
        customerId: customer.id,
        apiKeyId,
        platformAccountId: account.platformAccountId,
        returnUrl: input.returnUrl,
        locale: input.locale,
        flowType: input.flow?.type ?? null,
        flowSubscriptionId: input.flow?.type === 'subscription_cancel' ? input.flow.subscriptionId : null,
        createdAt: now,
        expiresAt,
      },
    });
    await recordEvent(tx, { accountId, type: 'plugipay.portal_session.created.v1', object: serializePortalSession(created) });
    return created;
  });
  const token = signPortalToken({ sessionId: session.id, expiresAt }, config.portalTokenKeys[0]!);
  return serializePortalSession(session, `${config.portalBaseUrl}/p/${token}`);
}

async function assertFlowAllowed(accountId: string, customerId: string, flow: NonNullable<TCreatePortalSession['flow']>) {
  const prisma = getPrisma();
  const features = await prisma.portalConfiguration.findUnique({ where: { accountId } });
  const disabled = (what: string) =>
    new ApiError('validation_error', `The ${flow.type} flow needs ${what}, which is off in this account's portal configuration.`, 'flow.type');
  if (flow.type === 'payment_method_update') {
    if (features && !features.paymentMethodUpdateEnabled) throw disabled('payment method update');
    return;
  }
  if (features && !features.subscriptionCancelEnabled) throw disabled('subscription cancel');
  const subscription = await prisma.subscription.findFirst({
    where: { id: flow.subscriptionId, accountId, customerId },
    select: { status: true },
  });
  if (!subscription) throw new ApiError('not_found', `No such subscription for this customer: ${flow.subscriptionId}.`, 'flow.subscriptionId');
  if (subscription.status === 'canceled') {
    throw new ApiError('validation_error', 'This subscription is already canceled.', 'flow.subscriptionId');
  }
}
