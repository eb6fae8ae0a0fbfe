import 'server-only';
import { ApiError } from '../api/errors';
import { recordAudit } from '../audit/record-audit';
import { customerBillingTime } from '../billing-engine/billing-time';
import { ENDED_STATUSES } from '../billing-engine/subscription-standing';
import { getPrisma } from '../db/get-db';
import type { TPortalFeatures } from '../portal/load-portal-features';
import { createSubscription } from '../subscriptions/manage-subscriptions';
import type { TActionScope, TCustomerScope } from './customer-scope';
import { findDefaultCard } from './default-card';
import { findPlanPrice, planOptions, seatsRefusal, type TPlanOption, type TPlanPrice } from './plan-options';
import { RENEWAL_INCLUDE, subscriptionCharge, withCredit, type TRenewableSubscription, type TRenewalCharge } from './renewal-charge';

const ENDED = { status: { in: ENDED_STATUSES } };

/** The customer's subscriptions that have ended, latest first: what they may start again. */
export async function listEndedSubscriptions({ accountId, customerId }: TCustomerScope, take = 3): Promise<TRenewableSubscription[]> {
  return getPrisma().subscription.findMany({ where: { accountId, customerId, ...ENDED }, orderBy: [{ endedAt: 'desc' }, { id: 'desc' }], take, include: RENEWAL_INCLUDE });
}

export async function findEndedSubscription({ accountId, customerId }: TCustomerScope, id: string): Promise<TRenewableSubscription | null> {
  return getPrisma().subscription.findFirst({ where: { id, accountId, customerId, ...ENDED }, include: RENEWAL_INCLUDE });
}

export type TRestartChoice = { subscriptionId: string; price: string; quantity?: number };

export type TRestartPreview = { ended: TRenewableSubscription; option: TPlanOption; price: TPlanPrice; quantity: number; charge: TRenewalCharge };

type TCheckedRestart = { ended: TRenewableSubscription; option: TPlanOption; price: TPlanPrice; quantity: number };

/** The customer's choice to start an ended subscription again, checked against what the account offers. Writes nothing. */
async function checkRestart(scope: TCustomerScope, choice: TRestartChoice, features: TPortalFeatures): Promise<TCheckedRestart> {
  const ended = await findEndedSubscription(scope, choice.subscriptionId);
  if (!ended) throw new ApiError('not_found', 'No such subscription.');
  const found = findPlanPrice(await planOptions(features, ended, { restart: true }), choice.price);
  if (!found) throw new ApiError('validation_error', 'plan_not_offered', 'price');
  const quantity = choice.quantity ?? ended.items[0]!.quantity;
  const seats = seatsRefusal(features, ended.items[0]!.quantity, quantity);
  if (seats) throw new ApiError('validation_error', seats, 'quantity');
  return { ended, ...found, quantity };
}

/**
 * Starting an ended subscription again, on its own plan or one the account offers: the first
 * invoice, computed by the function that issues it (the new subscription keeps the old one's tax
 * rates, without its coupon). Refusals carry the plan-change codes the portal translates.
 */
export async function previewRestart(scope: TCustomerScope, choice: TRestartChoice, features: TPortalFeatures, realNow = new Date()): Promise<TRestartPreview> {
  const checked = await checkRestart(scope, choice, features);
  const { ended, quantity } = checked;
  const prisma = getPrisma();
  const [price, now] = await Promise.all([
    prisma.price.findFirstOrThrow({ where: { id: checked.price.id, accountId: scope.accountId }, include: { product: true } }),
    customerBillingTime(prisma, scope, realNow),
  ]);
  const fresh: TRenewableSubscription = {
    ...ended,
    items: [{ ...ended.items[0]!, priceId: price.id, price, quantity }],
    couponId: null,
    coupon: null,
    discountEnd: null,
    pendingProrations: [],
    scheduledPriceId: null,
    scheduledPrice: null,
    scheduledQuantity: null,
  };
  return { ...checked, charge: withCredit(fresh.customer, subscriptionCharge(fresh, now)) };
}

/**
 * Starts it: a new subscription, its first invoice charged to the default card at once (no card:
 * `no_default_card`). A declined charge leaves it incomplete with its invoice open, for the customer
 * to pay; paid, it is active. plugipay.subscription.created.v1 and the invoice's events; audited.
 */
export async function restartSubscription(scope: TActionScope, choice: TRestartChoice, features: TPortalFeatures) {
  const { ended, price, quantity } = await checkRestart(scope, choice, features);
  const card = await findDefaultCard(scope);
  if (!card) throw new ApiError('validation_error', 'no_default_card', 'paymentMethodId');
  const started = await createSubscription(scope.accountId, {
    customer: scope.customerId,
    items: [{ price: price.id, quantity }],
    defaultTaxRates: ended.defaultTaxRates.map((r) => r.taxRateId),
    defaultPaymentMethod: card.id,
  });
  const invoice = await getPrisma().invoice.findFirst({ where: { accountId: scope.accountId, customerId: scope.customerId, subscriptionId: started.id }, select: { id: true, status: true } });
  await recordAudit({ ...scope, action: 'subscription.resubscribe', metadata: { endedSubscriptionId: ended.id, subscriptionId: started.id, price: price.id, quantity } });
  return { subscription: started, invoice };
}
