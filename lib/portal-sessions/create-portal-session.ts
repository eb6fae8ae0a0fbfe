import 'server-only';
import type { TActingAccount } from '../accounts/resolve-acting-account';
import { ApiError } from '../api/errors';
import { getConfig } from '../config/get-config';
import { getPrisma } from '../db/get-db';
import { rawRows } from '../db/raw-rows';
import { newId } from '../ids/new-id';
import { Prisma, type PortalSession } from '../db/generated/client';
import type { TCreatePortalSession } from './portal-session-input';
import { checkPlanChoice, isPlanRefusal, PLAN_REFUSALS } from '../billing/change-own-plan';
import { hasEnded } from '../billing-engine/subscription-standing';
import { findLiveSubscription } from '../billing/live-subscriptions';
import { planChangeRefusal } from '../billing/plan-options';
import { featuresFrom } from '../portal/load-portal-features';
import { signPortalToken } from './portal-token';
import { serializePortalSession } from './serialize-portal-session';

type TCreateOptions = { account: TActingAccount; apiKeyId: string; input: TCreatePortalSession; now?: Date };

/**
 * Mints a single-use portal link for one customer of the acting account, and records
 * plugipay.portal_session.created.v1 in the same transaction.
 */
export async function createPortalSession({ account, apiKeyId, input, now = new Date() }: TCreateOptions) {
  const config = getConfig();
  const { accountId } = account;
  let confirmedQuantity: number | null = null;
  if (input.flow) {
    // Checked first, so that an unknown customer is named as such whatever the flow says.
    const customer = await getPrisma().customer.findFirst({ where: { id: input.customerId, accountId, deletedAt: null }, select: { id: true } });
    if (!customer) throw noSuchCustomer(input.customerId);
    confirmedQuantity = await assertFlowAllowed(accountId, input.customerId, input.flow);
  }

  const session: PortalSession = {
    id: newId('portalSession'),
    accountId,
    customerId: input.customerId,
    apiKeyId,
    platformAccountId: account.platformAccountId,
    returnUrl: input.returnUrl,
    locale: input.locale,
    flowType: input.flow?.type ?? null,
    flowSubscriptionId: input.flow && 'subscriptionId' in input.flow ? input.flow.subscriptionId : null,
    flowInvoiceId: input.flow?.type === 'invoice_payment' ? input.flow.invoiceId : null,
    flowPriceId: input.flow?.type === 'subscription_update_confirm' ? input.flow.items[0]!.price : null,
    flowQuantity: input.flow?.type === 'subscription_update_confirm' ? confirmedQuantity : null,
    flowAfterCompletion: input.flow?.afterCompletion?.type ?? null,
    expiresAt: new Date(now.getTime() + config.portalSessionTtlSeconds * 1000),
    consumedAt: null,
    createdAt: now,
  };
  const event = { id: newId('event'), type: 'plugipay.portal_session.created.v1', data: JSON.stringify({ object: serializePortalSession(session) }) };
  // One statement, atomic on its own: the session, for a customer of this account only (no row
  // otherwise), and its event in the outbox. A mint is the API's busiest write; as separate
  // statements in a transaction it was five round trips (docs/decisions.md).
  const written = await rawRows<{ id: string }>(Prisma.sql`
    WITH "session" AS (
      INSERT INTO "PortalSession" ("id", "accountId", "customerId", "apiKeyId", "platformAccountId", "returnUrl", "locale", "flowType", "flowSubscriptionId", "flowInvoiceId", "flowPriceId", "flowQuantity", "flowAfterCompletion", "expiresAt", "createdAt")
      SELECT ${session.id}, "accountId", "id", ${session.apiKeyId}, ${session.platformAccountId}, ${session.returnUrl}, ${session.locale},
        CAST(${session.flowType} AS "PortalFlowType"), ${session.flowSubscriptionId}, ${session.flowInvoiceId}, ${session.flowPriceId}, ${session.flowQuantity}, CAST(${session.flowAfterCompletion} AS "FlowAfterCompletion"), ${session.expiresAt}, ${session.createdAt}
      FROM "Customer" WHERE "accountId" = ${accountId} AND "id" = ${input.customerId} AND "deletedAt" IS NULL
      RETURNING "id")
    INSERT INTO "Event" ("id", "accountId", "type", "data", "createdAt")
    SELECT ${event.id}, ${accountId}, ${event.type}, CAST(${event.data} AS JSONB), ${now} FROM "session"
    RETURNING "id"`);
  if (written.length === 0) throw noSuchCustomer(input.customerId);
  const token = signPortalToken({ sessionId: session.id, expiresAt: session.expiresAt }, config.portalTokenKeys[0]!);
  return serializePortalSession(session, `${config.portalBaseUrl}/p/${token}`);
}

const noSuchCustomer = (id: string) => new ApiError('not_found', `No such customer: ${id}.`, 'customerId');

/** Refuses a flow the account's configuration or the customer's objects do not allow; for subscription_update_confirm, answers the quantity to confirm. */
async function assertFlowAllowed(accountId: string, customerId: string, flow: NonNullable<TCreatePortalSession['flow']>): Promise<number | null> {
  const prisma = getPrisma();
  const features = featuresFrom(await prisma.portalConfiguration.findUnique({ where: { accountId } }));
  const disabled = (what: string) =>
    new ApiError('validation_error', `The ${flow.type} flow needs ${what}, which is off in this account's portal configuration.`, 'flow.type');
  if (flow.type === 'payment_method_update') {
    if (!features.paymentMethodUpdate) throw disabled('payment method update');
    return null;
  }
  if (flow.type === 'invoice_payment') {
    if (!features.invoicePayment) throw disabled('invoice payment');
    const invoice = await prisma.invoice.findFirst({ where: { id: flow.invoiceId, accountId, customerId }, select: { status: true } });
    if (!invoice) throw new ApiError('not_found', `No such invoice for this customer: ${flow.invoiceId}.`, 'flow.invoiceId');
    if (invoice.status !== 'open') throw new ApiError('validation_error', `This invoice is ${invoice.status}; only an open invoice can be paid.`, 'flow.invoiceId');
    return null;
  }
  if (flow.type === 'subscription_cancel') {
    if (!features.subscriptionCancel) throw disabled('subscription cancel');
    const subscription = await prisma.subscription.findFirst({ where: { id: flow.subscriptionId, accountId, customerId }, select: { status: true } });
    if (!subscription) throw new ApiError('not_found', `No such subscription for this customer: ${flow.subscriptionId}.`, 'flow.subscriptionId');
    if (hasEnded(subscription.status)) throw new ApiError('validation_error', 'This subscription has already ended.', 'flow.subscriptionId');
    return null;
  }
  if (!features.subscriptionUpdate) throw disabled('subscription update');
  const scope = { accountId, customerId };
  const subscription = await findLiveSubscription(scope, flow.subscriptionId);
  if (!subscription) throw new ApiError('not_found', `No such live subscription for this customer: ${flow.subscriptionId}.`, 'flow.subscriptionId');
  const refusal = planChangeRefusal(subscription);
  if (refusal) throw new ApiError('validation_error', refusal, 'flow.subscriptionId');
  if (flow.type === 'subscription_update') return null;
  const item = flow.items[0]!;
  try {
    return (await checkPlanChoice(scope, { subscriptionId: subscription.id, price: item.price, quantity: item.quantity }, features)).quantity;
  } catch (error) {
    // The same refusal the customer would meet, named by where it is in this request.
    if (error instanceof ApiError && isPlanRefusal(error.message)) throw new ApiError('validation_error', PLAN_REFUSALS[error.message].text, `flow.items.0.${error.param}`);
    throw error;
  }
}
