import 'server-only';
import type { z } from 'zod';
import { assertMetadataFits, mergeMetadata } from '../api/api-schemas';
import { ApiError } from '../api/errors';
import { listOf, pageArgs } from '../api/list-page';
import { addInterval, type TInterval } from '../billing-engine/add-interval';
import { nextPeriodEnd } from '../billing-engine/period-end';
import { billingTime } from '../billing-engine/billing-time';
import { collectNow, collectOrUndo } from '../billing-engine/collect-invoice';
import { endPause, hasEnded, LIVE_STATUSES, moveSubscription } from '../billing-engine/subscription-standing';
import { prorationLines, type TItemTerms, type TProrationLine } from '../billing-engine/prorations';
import { prorationCharge } from '../billing/renewal-charge';
import { issueSubscriptionInvoice } from '../billing-engine/issue-subscription-invoice';
import { payInvoice } from '../billing-engine/pay-invoice';
import { findCustomerOrThrow } from '../customers/manage-customers';
import type { Prisma, PrismaClient } from '../db/generated/client';
import { getPrisma } from '../db/get-db';
import { inTransaction } from '../db/in-transaction';
import { lockCustomer } from '../db/row-locks';
import { isId, newId } from '../ids/new-id';
import { recordEvent } from '../webhooks/record-event';
import { prorationInstant } from './proration-date';
import { serializeSubscription, SUBSCRIPTION_INCLUDE, type TSubscriptionRow } from './subscription-resource';
import type { ZSubscriptionCreate, ZSubscriptionListQuery, ZSubscriptionUpdate } from './subscription-schemas';
import { checkItemPrices, checkTaxRates, redeemCoupon } from './subscription-terms';
import { snapshotItems, undoItemChange, type TItemChangeSnapshot } from './undo-item-change';
import { findDefaultCard } from '../billing/default-card';

type TDb = PrismaClient | Prisma.TransactionClient;
const DAY_MS = 86_400_000;

export async function findSubscriptionOrThrow(db: TDb, accountId: string, id: string) {
  const subscription = isId('subscription', id) ? await db.subscription.findFirst({ where: { id, accountId }, include: SUBSCRIPTION_INCLUDE }) : null;
  if (!subscription) throw new ApiError('not_found', `No such subscription: ${id}.`, 'id');
  return subscription;
}

/** The card a subscription is charged to: the one named (the customer's own), else the customer's default. */
async function chargeCard(tx: Prisma.TransactionClient, scope: { accountId: string; customerId: string }, named: string | undefined) {
  if (named) {
    const card = await tx.paymentMethod.findFirst({ where: { id: named, ...scope, detachedAt: null } });
    if (!card) throw new ApiError('not_found', `No such payment method for this customer: ${named}.`, 'defaultPaymentMethod');
    return card;
  }
  return findDefaultCard(scope, tx);
}

/**
 * Starts a subscription, as Stripe does: its first period begins now (or its trial does), its first
 * invoice is issued at once and charged to the card (collectionMethod charge_automatically) or
 * left open with a due date (send_invoice). A declined first charge leaves the subscription
 * `incomplete` with its invoice open. Every check runs before anything is written.
 */
export async function createSubscription(
  accountId: string,
  input: z.infer<typeof ZSubscriptionCreate>,
  realNow = new Date(),
  { carriedOver, tx: outer }: { carriedOver?: TCarriedOverPeriod; tx?: Prisma.TransactionClient } = {},
) {
  const prisma = getPrisma();
  // A caller's transaction holds only what charges nothing now: the charge is a transaction of its own.
  if (outer && !carriedOver) throw new Error('createSubscription joins a caller’s transaction only for a carried-over period');
  const created = await inTransaction(outer, async (tx) => {
    await lockCustomer(tx, { accountId, customerId: input.customer });
    const customer = await findCustomerOrThrow(tx, accountId, input.customer, 'customer');
    const now = await billingTime(tx, customer, realNow);
    const scope = { accountId, customerId: customer.id };
    const prices = await checkItemPrices(tx, accountId, input.items.map((item, n) => ({ price: item.price, param: `items.${n}.price` })));
    const { currency, interval, intervalCount } = prices[0]!;
    const collectionMethod = input.collectionMethod ?? 'charge_automatically';
    const card = await chargeCard(tx, scope, input.defaultPaymentMethod);
    if (carriedOver) checkCarriedOver(carriedOver, input, now);
    // A period carried over was paid for elsewhere: the customer's card is needed at its renewal, not now.
    if (collectionMethod === 'charge_automatically' && !card && !input.trialPeriodDays && !carriedOver) {
      throw new ApiError('validation_error', `defaultPaymentMethod: the customer has no card to charge. Attach one (POST /api/v1/customers/${customer.id}/payment-methods), or use collectionMethod send_invoice.`, 'defaultPaymentMethod');
    }
    const taxRates = await checkTaxRates(tx, accountId, input.defaultTaxRates ?? []);
    const trialEnd = input.trialPeriodDays ? new Date(now.getTime() + input.trialPeriodDays * DAY_MS) : null;
    const discount = input.coupon ? await redeemCoupon(tx, accountId, input.coupon, { currency, now, firstInvoiceAt: trialEnd ?? carriedOver?.end ?? now }) : { couponId: null, discountEnd: null };

    const id = newId('subscription');
    const periodStart = carriedOver?.start ?? now;
    const periodEnd = carriedOver?.end ?? trialEnd ?? addInterval(now, interval!, intervalCount);
    await tx.subscription.create({
      data: {
        id,
        accountId,
        customerId: customer.id,
        status: trialEnd ? 'trialing' : 'active',
        currency,
        currentPeriodStart: periodStart,
        currentPeriodEnd: periodEnd,
        // A carried-over period's renewals count from its end.
        billingCycleAnchor: carriedOver?.end ?? trialEnd ?? now,
        cancelAtPeriodEnd: input.cancelAtPeriodEnd ?? false,
        canceledAt: input.cancelAtPeriodEnd ? now : null,
        defaultPaymentMethodId: card?.id ?? null,
        collectionMethod,
        daysUntilDue: input.daysUntilDue ?? null,
        ...discount,
        trialStart: trialEnd ? now : null,
        trialEnd,
        metadata: assertMetadataFits(mergeMetadata({}, input.metadata)),
        createdAt: now,
        items: { create: input.items.map((item, n) => ({ id: newId('subscriptionItem'), priceId: prices[n]!.id, quantity: item.quantity ?? 1, createdAt: now })) },
        defaultTaxRates: { create: taxRates.map((rate, position) => ({ accountId, taxRateId: rate.id, position })) },
      },
    });
    const subscription = await tx.subscription.findUniqueOrThrow({ where: { id }, include: SUBSCRIPTION_INCLUDE });
    await recordEvent(tx, { accountId, type: 'plugipay.subscription.created.v1', object: serializeSubscription(subscription) });
    const invoice = trialEnd || carriedOver ? null : await issueSubscriptionInvoice(tx, { subscription, customer, periodStart: now, periodEnd, at: now, billingReason: 'subscription_create', collectAt: null });
    const toCharge = invoice?.status === 'open' && collectionMethod === 'charge_automatically' ? invoice.id : null;
    return { id, toCharge, cardId: card?.id ?? null, now };
  });

  if (created.toCharge && created.cardId) {
    const outcome = await payInvoice({ accountId, invoiceId: created.toCharge, paymentMethodId: created.cardId, at: created.now });
    // A first invoice that was not paid: the subscription waits for a payment that works.
    if (!outcome.paid) await getPrisma().$transaction((tx) => moveSubscription(tx, { accountId, subscriptionId: created.id }, ['active'], { status: 'incomplete' }));
  }
  return serializeSubscription(await findSubscriptionOrThrow(outer ?? prisma, accountId, created.id));
}

/** A subscription brought from another system: its current period, paid for there, as it stands. */
export type TCarriedOverPeriod = { start: Date; end: Date };

function checkCarriedOver(period: TCarriedOverPeriod, input: z.infer<typeof ZSubscriptionCreate>, now: Date) {
  if (!(period.start < period.end)) throw new ApiError('validation_error', 'currentPeriodEnd: must come after currentPeriodStart.', 'currentPeriodEnd');
  if (period.start > now) throw new ApiError('validation_error', 'currentPeriodStart: must not be in the future.', 'currentPeriodStart');
  if (period.end <= now) throw new ApiError('validation_error', 'currentPeriodEnd: must be in the future; a period that has ended is history (its invoice), not a subscription to carry over.', 'currentPeriodEnd');
  if (input.trialPeriodDays) throw new ApiError('validation_error', 'trialPeriodDays: a carried-over subscription keeps the period it has.', 'trialPeriodDays');
}

export async function retrieveSubscription(accountId: string, id: string) {
  return serializeSubscription(await findSubscriptionOrThrow(getPrisma(), accountId, id));
}

export async function listSubscriptions(accountId: string, query: z.infer<typeof ZSubscriptionListQuery>) {
  const page = pageArgs(query);
  const status = query.status === 'all' ? {} : query.status ? { status: query.status } : { status: { in: LIVE_STATUSES } };
  const rows = await getPrisma().subscription.findMany({
    where: {
      accountId,
      ...status,
      ...(query.customer ? { customerId: query.customer } : {}),
      ...(query.price ? { items: { some: { priceId: query.price } } } : {}),
      ...page.cursor,
    },
    orderBy: page.orderBy,
    take: page.take,
    include: SUBSCRIPTION_INCLUDE,
  });
  return listOf(rows, query, serializeSubscription);
}

/** Ends a subscription now (DELETE), as Stripe's cancel: no refund of the time already paid for. */
export async function cancelSubscriptionNow(accountId: string, id: string, now = new Date()) {
  return getPrisma().$transaction(async (tx) => {
    const current = await findSubscriptionOrThrow(tx, accountId, id);
    const ended = await moveSubscription(tx, { accountId, subscriptionId: current.id }, LIVE_STATUSES, { status: 'canceled', canceledAt: now, endedAt: now, cancelAtPeriodEnd: false });
    if (!ended) throw new ApiError('invalid_state', `This subscription already ended on ${current.endedAt?.toISOString() ?? current.canceledAt?.toISOString()}.`);
    return serializeSubscription(ended);
  });
}

/**
 * Resumes a subscription: a paused one is collected again from its next renewal; otherwise a
 * cancellation scheduled for the period's end is undone. A subscription that has ended cannot come back.
 */
export async function resumeSubscriptionById(accountId: string, id: string) {
  return getPrisma().$transaction(async (tx) => {
    const current = await findSubscriptionOrThrow(tx, accountId, id);
    if (hasEnded(current.status)) throw new ApiError('invalid_state', 'This subscription has ended and cannot be resumed; create a new one.');
    if (current.status === 'paused') {
      await endPause(tx, { accountId, customerId: current.customerId, subscriptionId: current.id });
      return serializeSubscription(await findSubscriptionOrThrow(tx, accountId, id));
    }
    if (!current.cancelAtPeriodEnd) throw new ApiError('invalid_state', 'This subscription is not set to cancel; there is nothing to resume.');
    await tx.subscription.updateMany({ where: { id: current.id, accountId, cancelAtPeriodEnd: true }, data: { cancelAtPeriodEnd: false, canceledAt: null, cancellationReason: null, cancellationComment: null } });
    const resumed = await findSubscriptionOrThrow(tx, accountId, id);
    await recordEvent(tx, { accountId, type: 'plugipay.subscription.updated.v1', object: serializeSubscription(resumed) });
    return serializeSubscription(resumed);
  });
}

/**
 * Changes a live subscription. An item change mid-period is prorated to the second
 * (prorationBehavior create_prorations, the default: credited and charged on the next invoice;
 * always_invoice: invoiced and charged now, unless it comes to a credit, which waits for the next
 * invoice; none: the new items are simply charged from the next renewal). A trial has nothing to
 * prorate.
 */
export async function updateSubscription(accountId: string, id: string, patch: z.infer<typeof ZSubscriptionUpdate>, realNow = new Date()) {
  return (await changeSubscription(accountId, id, patch, realNow)).subscription;
}

/** updateSubscription, answering also the invoice it issued to bill an item change now (always_invoice), if any. */
export async function changeSubscription(accountId: string, id: string, patch: z.infer<typeof ZSubscriptionUpdate>, realNow = new Date()) {
  const prisma = getPrisma();
  const allOrNothing = patch.paymentBehavior === 'error_if_incomplete';
  if (allOrNothing) assertItemChangeOnly(patch);
  let snapshot: TItemChangeSnapshot | undefined;
  const changed = await prisma.$transaction(async (tx) => {
    const { customerId } = await findSubscriptionOrThrow(tx, accountId, id);
    await lockCustomer(tx, { accountId, customerId });
    // Read again under the lock: a change that ran meanwhile is the one this change starts from.
    const current = await findSubscriptionOrThrow(tx, accountId, id);
    if (allOrNothing) snapshot = snapshotItems(current);
    if (hasEnded(current.status)) throw new ApiError('invalid_state', 'This subscription has ended; it cannot change.');
    const customer = await tx.customer.findFirstOrThrow({ where: { id: current.customerId, accountId } });
    const now = await billingTime(tx, customer, realNow);
    const scope = { accountId, customerId: current.customerId };
    const data: Prisma.SubscriptionUncheckedUpdateInput = {};

    const behavior = patch.prorationBehavior ?? 'create_prorations';
    const at = prorationMoment(current, patch.prorationDate, now);
    const change = patch.items ? await changeItems(tx, current, patch.items, behavior, at) : { prorations: [], newPeriod: false };
    const { prorations } = change;
    // A new billing period is billed at once: its items in full, and the old period's unused time.
    if (change.newPeriod) await keepForNextInvoice(tx, current, prorations, at);
    if (patch.cancelAtPeriodEnd !== undefined) {
      Object.assign(data, patch.cancelAtPeriodEnd ? { cancelAtPeriodEnd: true, canceledAt: current.canceledAt ?? now } : { cancelAtPeriodEnd: false, canceledAt: null, cancellationReason: null, cancellationComment: null });
    }
    if (patch.defaultPaymentMethod !== undefined) {
      data.defaultPaymentMethodId = patch.defaultPaymentMethod === null ? null : (await chargeCard(tx, scope, patch.defaultPaymentMethod))!.id;
    }
    if (patch.defaultTaxRates) {
      const rates = await checkTaxRates(tx, accountId, patch.defaultTaxRates);
      await tx.subscriptionTaxRate.deleteMany({ where: { subscriptionId: current.id } });
      await tx.subscriptionTaxRate.createMany({ data: rates.map((rate, position) => ({ accountId, subscriptionId: current.id, taxRateId: rate.id, position })) });
    }
    if (patch.coupon !== undefined && patch.coupon !== current.couponId) {
      Object.assign(data, patch.coupon === null ? { couponId: null, discountEnd: null } : await redeemCoupon(tx, accountId, patch.coupon, { currency: current.currency, now, firstInvoiceAt: current.currentPeriodEnd }));
    }
    if (patch.metadata !== undefined) data.metadata = assertMetadataFits(mergeMetadata(current.metadata, patch.metadata));
    if (patch.pauseCollection) Object.assign(data, pauseTerms(current, patch.pauseCollection, now));

    await tx.subscription.update({ where: { id: current.id }, data });
    if (patch.pauseCollection === null) await endPause(tx, { accountId, customerId: current.customerId, subscriptionId: current.id });
    const updated = await findSubscriptionOrThrow(tx, accountId, id);
    await recordEvent(tx, { accountId, type: 'plugipay.subscription.updated.v1', object: serializeSubscription(updated) });

    if (!change.newPeriod && !billsNow(behavior, prorations)) {
      await keepForNextInvoice(tx, current, prorations, now);
      return { now, customerId, invoiceId: null, collect: false };
    }
    const invoice = change.newPeriod
      ? await issueSubscriptionInvoice(tx, {
          subscription: updated, customer, periodStart: updated.currentPeriodStart, periodEnd: updated.currentPeriodEnd, at: now, billingReason: 'subscription_update', collectAt: now,
        })
      : await issueSubscriptionInvoice(tx, {
          subscription: updated, customer, periodStart: now, periodEnd: current.currentPeriodEnd, at: now,
          billingReason: 'subscription_update', collectAt: now, charge: prorationCharge(updated, prorations, now),
        });
    if (snapshot) snapshot.changedAt = (await tx.subscription.findUniqueOrThrow({ where: { id: current.id }, select: { updatedAt: true } })).updatedAt;
    return { now, customerId, invoiceId: invoice.id, collect: invoice.status === 'open' };
  });
  const { invoiceId, now } = changed;
  if (invoiceId && changed.collect) {
    if (!snapshot) await collectNow(accountId, invoiceId, now);
    else {
      const taken = snapshot;
      const undone = await collectOrUndo({ accountId, customerId: changed.customerId, invoiceId, at: now }, (tx) => undoItemChange(tx, taken, invoiceId, now));
      if (undone) throw new ChangeDeclinedError(undone.declined);
    }
  }
  return { subscription: serializeSubscription(await findSubscriptionOrThrow(prisma, accountId, id)), invoiceId };
}

/** An item change whose charge was declined, undone (paymentBehavior error_if_incomplete). */
export class ChangeDeclinedError extends ApiError {
  constructor(readonly declined: string) {
    super('validation_error', `paymentBehavior: the charge for this change was declined (${declined}); nothing was changed and its invoice was voided.`, 'paymentBehavior');
  }
}

const ITEM_CHANGE_FIELDS = new Set(['items', 'prorationBehavior', 'prorationDate', 'paymentBehavior']);

// All or nothing is about a change's charge: other changes in the same request would have to be
// undone with it, so they go in a request of their own.
function assertItemChangeOnly(patch: z.infer<typeof ZSubscriptionUpdate>) {
  const other = Object.keys(patch).find((key) => !ITEM_CHANGE_FIELDS.has(key));
  if (other) throw new ApiError('validation_error', `paymentBehavior: error_if_incomplete goes with items, prorationBehavior and prorationDate only; send ${other} in another request.`, 'paymentBehavior');
  if (!patch.items) throw new ApiError('validation_error', 'paymentBehavior: error_if_incomplete needs items to change.', 'paymentBehavior');
}

/** Whether an item change is invoiced and charged at once: with always_invoice, unless it comes to a credit (which waits for the next invoice). */
export function billsNow(behavior: 'create_prorations' | 'always_invoice' | 'none', prorations: readonly TProrationLine[]): boolean {
  return behavior === 'always_invoice' && prorations.reduce((sum, line) => sum + line.amount, 0n) > 0n;
}

/** When an item change is prorated from: now, or a moment of the current period already passed (a preview's). */
function prorationMoment(current: TSubscriptionRow, prorationDate: number | undefined, now: Date): Date {
  if (prorationDate === undefined) return now;
  const at = prorationInstant(prorationDate, current.currentPeriodStart);
  if (!at || at > now) {
    throw new ApiError('validation_error', `prorationDate: must fall between the current period's start (${current.currentPeriodStart.toISOString()}) and now.`, 'prorationDate');
  }
  return at;
}

/**
 * What an item change does to the bill. `prorations`: what it costs for the rest of the period
 * (nothing with prorationBehavior none, or during a trial). `newPeriod`: the items moved to another
 * billing period, so a new period begins now, billed at once in full, with the unused time of the
 * old one credited (`prorations`), as Stripe does when the interval changes.
 */
export type TItemsChange = { prorations: TProrationLine[]; newPeriod: boolean };

/** Applies item changes at `now` and answers what they bill. Shared by the change itself and its previews. */
export async function changeItems(tx: Prisma.TransactionClient, current: TSubscriptionRow, items: TItemChange[], behavior: 'create_prorations' | 'always_invoice' | 'none', now: Date): Promise<TItemsChange> {
  const moved = await replaceItems(tx, current, items, now);
  // A change of items made now replaces one that was waiting for the period's end.
  if (current.scheduledPriceId) await tx.subscription.update({ where: { id: current.id }, data: { scheduledPriceId: null, scheduledQuantity: null } });
  if (moved) return { prorations: await startNewPeriod(tx, current, moved, behavior, now), newPeriod: current.status !== 'trialing' };
  if (behavior === 'none' || current.status === 'trialing') return { prorations: [], newPeriod: false };
  const after = await findSubscriptionOrThrow(tx, current.accountId, current.id);
  return { prorations: prorationLines(itemTerms(current), itemTerms(after), { start: current.currentPeriodStart, end: current.currentPeriodEnd }, now), newPeriod: false };
}

/**
 * The items moved to another billing period. A trial keeps its end, and the new period counts from
 * it. Otherwise the new period begins now (the anchor moves to now) and the old period's unused
 * time is credited, unless prorationBehavior is none.
 */
async function startNewPeriod(tx: Prisma.TransactionClient, current: TSubscriptionRow, period: { interval: TInterval; intervalCount: number }, behavior: 'create_prorations' | 'always_invoice' | 'none', now: Date): Promise<TProrationLine[]> {
  if (current.status === 'trialing') {
    await tx.subscription.update({ where: { id: current.id }, data: { billingCycleAnchor: current.currentPeriodEnd } });
    return [];
  }
  await tx.subscription.update({
    where: { id: current.id },
    data: { billingCycleAnchor: now, currentPeriodStart: now, currentPeriodEnd: nextPeriodEnd(now, period.interval, period.intervalCount, now) },
  });
  return behavior === 'none' ? [] : prorationLines(itemTerms(current), [], { start: current.currentPeriodStart, end: current.currentPeriodEnd }, now);
}

/** Prorations that the subscription's next invoice bills (create_prorations). */
export async function keepForNextInvoice(tx: Prisma.TransactionClient, subscription: { accountId: string; id: string }, prorations: TProrationLine[], now: Date): Promise<void> {
  await tx.pendingProration.createMany({ data: prorations.map((line) => ({ id: newId('invoiceItem'), accountId: subscription.accountId, subscriptionId: subscription.id, ...line, createdAt: now })) });
}

/** The columns that pause a subscription's collection, if it may be paused. */
function pauseTerms(current: TSubscriptionRow, pause: NonNullable<z.infer<typeof ZSubscriptionUpdate>['pauseCollection']>, now: Date) {
  if (!['active', 'past_due', 'paused'].includes(current.status)) {
    throw new ApiError('invalid_state', `This subscription is ${current.status}; only an active or past-due one can be paused.`);
  }
  const resumesAt = pause.resumesAt ? new Date(pause.resumesAt) : null;
  if (resumesAt && resumesAt <= now) throw new ApiError('validation_error', 'pauseCollection.resumesAt: must be in the future.', 'pauseCollection.resumesAt');
  return { status: 'paused' as const, pauseBehavior: pause.behavior, pauseResumesAt: resumesAt };
}

/** A subscription's items as proration compares them. */
function itemTerms(subscription: TSubscriptionRow): TItemTerms[] {
  return subscription.items.map((item) => ({ priceId: item.priceId, productName: item.price.product.name, unitAmount: item.price.unitAmount, quantity: item.quantity }));
}

export type TItemChange = NonNullable<z.infer<typeof ZSubscriptionUpdate>['items']>[number];

/** Applies item changes: each names an item by id (to change or delete it) or adds a price. */
async function replaceItems(tx: Prisma.TransactionClient, current: TSubscriptionRow, changes: TItemChange[], now: Date): Promise<{ interval: TInterval; intervalCount: number } | null> {
  const next = new Map(current.items.map((item) => [item.id, { id: item.id, price: item.priceId, quantity: item.quantity }]));
  const added: { price: string; quantity: number; param: string }[] = [];
  for (const [n, change] of changes.entries()) {
    const param = `items.${n}`;
    if (change.id) {
      const item = next.get(change.id);
      if (!item) throw new ApiError('not_found', `No such item on this subscription: ${change.id}.`, `${param}.id`);
      if (change.deleted) next.delete(change.id);
      else next.set(change.id, { ...item, price: change.price ?? item.price, quantity: change.quantity ?? item.quantity });
    } else if (change.deleted) {
      throw new ApiError('validation_error', `${param}.id: deleting an item needs its id.`, `${param}.id`);
    } else if (!change.price) {
      throw new ApiError('validation_error', `${param}.price: a new item needs its price.`, `${param}.price`);
    } else {
      added.push({ price: change.price, quantity: change.quantity ?? 1, param: `${param}.price` });
    }
  }
  const kept = [...next.values()];
  if (kept.length + added.length === 0) throw new ApiError('validation_error', 'items: a subscription keeps at least one item; cancel it instead.', 'items');
  const period = current.items[0]!.price;
  const prices = await checkItemPrices(
    tx,
    current.accountId,
    [...kept.map((item) => ({ price: item.price, param: 'items' })), ...added.map((a) => ({ price: a.price, param: a.param }))],
    { currency: current.currency, existing: new Set(current.items.map((item) => item.priceId)) },
  );
  // The items share one billing period (checkItemPrices). Moving them all to another one is a change of
  // period (an interval change), for an active or trialing subscription.
  const [first] = prices;
  const moved = first!.interval !== period.interval || first!.intervalCount !== period.intervalCount;
  if (moved && current.status !== 'active' && current.status !== 'trialing') {
    throw new ApiError('invalid_state', `This subscription is ${current.status}; only an active or trialing one can move to another billing period.`);
  }
  await tx.subscriptionItem.deleteMany({ where: { subscriptionId: current.id, id: { notIn: kept.map((item) => item.id) } } });
  for (const item of kept) await tx.subscriptionItem.update({ where: { id: item.id }, data: { priceId: item.price, quantity: item.quantity } });
  await tx.subscriptionItem.createMany({
    data: added.map((a) => ({ id: newId('subscriptionItem'), accountId: current.accountId, subscriptionId: current.id, priceId: a.price, quantity: a.quantity, createdAt: now })),
  });
  return moved ? { interval: first!.interval!, intervalCount: first!.intervalCount } : null;
}
