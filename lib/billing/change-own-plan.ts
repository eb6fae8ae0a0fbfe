import 'server-only';
import { ApiError } from '../api/errors';
import { recordAudit } from '../audit/record-audit';
import { customerBillingTime } from '../billing-engine/billing-time';
import type { Prisma } from '../db/generated/client';
import { dryRun } from '../db/dry-run';
import { getPrisma } from '../db/get-db';
import type { TPortalFeatures } from '../portal/load-portal-features';
import { billsNow, ChangeDeclinedError, changeItems, changeSubscription, keepForNextInvoice } from '../subscriptions/manage-subscriptions';
import { prorationInstant, toProrationDate } from '../subscriptions/proration-date';
import { serializeSubscription, SUBSCRIPTION_INCLUDE } from '../subscriptions/subscription-resource';
import { recordEvent } from '../webhooks/record-event';
import type { TActionScope, TCustomerScope } from './customer-scope';
import { findLiveSubscription } from './live-subscriptions';
import { findPlanPrice, seatsRefusal, planChangeRefusal, planOptions, type TPlanOption, type TPlanPrice } from './plan-options';
import { prorationCharge, renewalCharge, subscriptionCharge, withCredit, RENEWAL_INCLUDE, type TRenewableSubscription, type TRenewalCharge } from './renewal-charge';

export type TPlanChoice = { subscriptionId: string; price: string; quantity?: number };

// A preview older than this is reviewed again rather than billed from a moment long gone.
const PREVIEW_LIFETIME_MS = 60 * 60 * 1000;

/**
 * Why a choice is refused: a code the portal shows in the customer's words (its validation errors
 * carry codes), the field at fault, and the API's own words where a merchant meets it.
 */
export const PLAN_REFUSALS = {
  plan_not_offered: { param: 'price', text: 'This plan is not offered for this subscription.' },
  same_plan: { param: 'price', text: 'This is the current plan of the subscription.' },
  seats_fixed: { param: 'quantity', text: 'The number of seats cannot be changed in this portal.' },
  seats_out_of_range: { param: 'quantity', text: 'The quantity is outside the bounds of the portal configuration.' },
  stale_preview: { param: 'prorationDate', text: 'This preview is out of date; review the change again.' },
} as const;

export type TPlanRefusal = keyof typeof PLAN_REFUSALS;

export const isPlanRefusal = (code: string): code is TPlanRefusal => Object.hasOwn(PLAN_REFUSALS, code);

const refuse = (code: TPlanRefusal) => new ApiError('validation_error', code, PLAN_REFUSALS[code].param);

type TCheckedChoice = {
  subscription: TRenewableSubscription;
  option: TPlanOption;
  price: TPlanPrice;
  quantity: number;
  /** A change to a cheaper plan may wait for the end of the period already paid for. */
  timing: 'now' | 'period_end';
};

/** The customer's choice, checked against what the account offers this subscription. Writes nothing. */
export async function checkPlanChoice(scope: TCustomerScope, choice: TPlanChoice, features: TPortalFeatures): Promise<TCheckedChoice> {
  const subscription = await findLiveSubscription(scope, choice.subscriptionId);
  if (!subscription) throw new ApiError('not_found', 'No such subscription.');
  const refusal = planChangeRefusal(subscription);
  if (refusal) throw new ApiError('invalid_state', refusal);
  const found = findPlanPrice(await planOptions(features, subscription), choice.price);
  if (!found) throw refuse('plan_not_offered');
  const item = subscription.items[0]!;
  const quantity = choice.quantity ?? item.quantity;
  const seats = seatsRefusal(features, item.quantity, quantity);
  if (seats) throw refuse(seats);
  if (found.price.id === item.priceId && quantity === item.quantity) throw refuse('same_plan');
  const timing = isDowngrade(item, found.price, quantity) && features.updateDowngradeTiming === 'period_end' && subscription.status === 'active' ? 'period_end' : 'now';
  return { subscription, ...found, quantity, timing };
}

// Rough lengths of billing periods, only to tell a shorter one from a longer one.
const PERIOD_DAYS: Record<string, number> = { day: 1, week: 7, month: 30, year: 365 };
const periodDays = (price: { interval: string | null; intervalCount: number }) => (PERIOD_DAYS[price.interval ?? ''] ?? 0) * price.intervalCount;

/** A downgrade, as Stripe's portal counts one: a shorter billing period, or the same one for less. */
function isDowngrade(item: TRenewableSubscription['items'][number], to: TPlanPrice, quantity: number): boolean {
  const from = periodDays(item.price);
  if (periodDays(to) !== from) return periodDays(to) < from;
  return to.unitAmount * BigInt(quantity) < item.price.unitAmount * BigInt(item.quantity);
}

export type TPlanChangePreview = {
  subscription: TRenewableSubscription;
  option: TPlanOption;
  price: TPlanPrice;
  quantity: number;
  timing: 'now' | 'period_end';
  /** The moment the change is prorated from; confirming with it bills exactly this preview. */
  prorationDate: number;
  /** Invoiced and charged at once (always_invoice), or null. */
  dueNow: TRenewalCharge | null;
  /** The next renewal's invoice with the change made, and when it comes. */
  next: { charge: TRenewalCharge; date: Date };
};

/**
 * What the change would bill, computed by running the change itself in a transaction that is
 * rolled back: the amounts shown are those the confirmed change charges.
 */
export async function previewPlanChange(scope: TCustomerScope, choice: TPlanChoice, features: TPortalFeatures, realNow = new Date()): Promise<TPlanChangePreview> {
  const checked = await checkPlanChoice(scope, choice, features);
  const { subscription } = checked;
  // Billed from the whole second the preview names, so confirming with it charges exactly this.
  const prorationDate = toProrationDate(await customerBillingTime(getPrisma(), scope, realNow));
  const at = prorationInstant(prorationDate, subscription.currentPeriodStart) ?? subscription.currentPeriodStart;
  const billed = await dryRun(async (tx) => {
    if (checked.timing === 'period_end') {
      await scheduleChange(tx, subscription, checked);
      return { dueNow: null, after: await reload(tx, subscription) };
    }
    const behavior = features.updateProrationBehavior;
    const { prorations, newPeriod } = await changeItems(tx, subscription, [{ id: subscription.items[0]!.id, price: checked.price.id, quantity: checked.quantity }], behavior, at);
    // As changeSubscription bills it: a new billing period at once in full (issueSubscriptionInvoice's
    // own charge), prorations at once (always_invoice), or with the next renewal.
    const now = newPeriod || billsNow(behavior, prorations);
    if (!now || newPeriod) await keepForNextInvoice(tx, subscription, prorations, at);
    const after = await reload(tx, subscription);
    // The prorations kept are billed today: the next renewal has none of them.
    if (newPeriod) return { dueNow: withCredit(after.customer, subscriptionCharge(after, after.currentPeriodStart)), after: { ...after, pendingProrations: [] } };
    return { dueNow: now ? withCredit(after.customer, prorationCharge(after, prorations, at)) : null, after };
  });
  const { dueNow, after } = billed;
  // What today's invoice spends of the customer's credit is not there for the renewal.
  const renewing = dueNow ? { ...after, customer: { balances: [{ currency: dueNow.currency, balance: dueNow.endingBalance }] } } : after;
  return { ...checked, prorationDate, dueNow, next: { charge: renewalCharge(renewing), date: after.currentPeriodEnd } };
}

/**
 * The customer changes plan: at once, prorated and billed as the account configures, or (a
 * downgrade, where the account says so) when the period ends. plugipay.subscription.updated.v1
 * either way; audited as the customer's.
 */
export async function changeOwnPlan(scope: TActionScope, choice: TPlanChoice & { prorationDate: number }, features: TPortalFeatures, realNow = new Date()) {
  const checked = await checkPlanChoice(scope, choice, features);
  const { subscription } = checked;
  const audit = { subscriptionId: subscription.id, from: subscription.items[0]!.priceId, to: checked.price.id, quantity: checked.quantity, timing: checked.timing };
  if (checked.timing === 'period_end') {
    await getPrisma().$transaction(async (tx) => {
      await scheduleChange(tx, subscription, checked);
      await recordAudit({ ...scope, action: 'subscription.change_plan', metadata: audit }, tx);
    });
    return { subscriptionId: subscription.id, timing: checked.timing, effectiveAt: subscription.currentPeriodEnd, invoice: null };
  }
  const at = await customerBillingTime(getPrisma(), scope, realNow);
  const from = prorationInstant(choice.prorationDate, subscription.currentPeriodStart);
  if (!from || from > at || at.getTime() - from.getTime() > PREVIEW_LIFETIME_MS) {
    throw refuse('stale_preview');
  }
  // All or nothing, as Stripe's portal: a declined charge leaves the plan as it was.
  const patch = { items: [{ id: subscription.items[0]!.id, price: checked.price.id, quantity: checked.quantity }], prorationBehavior: features.updateProrationBehavior, prorationDate: choice.prorationDate, paymentBehavior: 'error_if_incomplete' as const };
  const changed = await changeSubscription(scope.accountId, subscription.id, patch, realNow).catch(async (error: unknown) => {
    if (!(error instanceof ChangeDeclinedError)) throw error;
    await recordAudit({ ...scope, action: 'subscription.change_plan', outcome: 'failed', metadata: { ...audit, declined: error.declined } });
    throw new ApiError('validation_error', error.declined, 'paymentMethodId');
  });
  await recordAudit({ ...scope, action: 'subscription.change_plan', metadata: { ...audit, invoiceId: changed.invoiceId } });
  const invoice = changed.invoiceId
    ? await getPrisma().invoice.findFirstOrThrow({ where: { id: changed.invoiceId, accountId: scope.accountId, customerId: scope.customerId }, select: { id: true, status: true, total: true, currency: true } })
    : null;
  return { subscriptionId: subscription.id, timing: checked.timing, effectiveAt: at, invoice };
}

/** The customer keeps their plan: a change scheduled for the period's end is undone. */
export async function keepCurrentPlan(scope: TActionScope, subscriptionId: string) {
  const { accountId, customerId } = scope;
  return getPrisma().$transaction(async (tx) => {
    const { count } = await tx.subscription.updateMany({ where: { id: subscriptionId, accountId, customerId, scheduledPriceId: { not: null } }, data: { scheduledPriceId: null, scheduledQuantity: null } });
    if (count !== 1) {
      const exists = await tx.subscription.count({ where: { id: subscriptionId, accountId, customerId } });
      throw exists ? new ApiError('invalid_state', 'No plan change is scheduled.') : new ApiError('not_found', 'No such subscription.');
    }
    const kept = await tx.subscription.findUniqueOrThrow({ where: { id: subscriptionId }, include: SUBSCRIPTION_INCLUDE });
    await recordEvent(tx, { accountId, type: 'plugipay.subscription.updated.v1', object: serializeSubscription(kept) });
    await recordAudit({ ...scope, action: 'subscription.keep_plan', metadata: { subscriptionId } }, tx);
    return kept;
  });
}

/** Sets the change for the period's end, if the subscription still may change; its renewal applies it. */
async function scheduleChange(tx: Prisma.TransactionClient, subscription: TRenewableSubscription, checked: TCheckedChoice) {
  const { count } = await tx.subscription.updateMany({
    where: { id: subscription.id, accountId: subscription.accountId, customerId: subscription.customerId, status: 'active', cancelAtPeriodEnd: false },
    data: { scheduledPriceId: checked.price.id, scheduledQuantity: checked.quantity },
  });
  if (count !== 1) throw refuse('stale_preview');
  const scheduled = await tx.subscription.findUniqueOrThrow({ where: { id: subscription.id }, include: SUBSCRIPTION_INCLUDE });
  await recordEvent(tx, { accountId: subscription.accountId, type: 'plugipay.subscription.updated.v1', object: serializeSubscription(scheduled) });
}

const reload = (tx: Prisma.TransactionClient, subscription: { id: string }) => tx.subscription.findUniqueOrThrow({ where: { id: subscription.id }, include: RENEWAL_INCLUDE });
