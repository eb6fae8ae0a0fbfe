import 'server-only';
import type { TCustomerScope } from './customer-scope';
import { LIVE_STATUSES } from '../billing-engine/subscription-standing';
import { Prisma } from '../db/generated/client';
import { rawRows } from '../db/raw-rows';
import { hydrate } from '../db/hydrate';
import type { TRenewableSubscription } from './renewal-charge';

/**
 * A subscription `s` as RENEWAL_INCLUDE loads it, as one JSON value (hydrate makes it Prisma's
 * shape). Raw because Prisma compiles a read this deep on every call, several milliseconds of the
 * portal's pages (docs/decisions.md); the includes must stay as RENEWAL_INCLUDE says.
 */
export const RENEWABLE_SUBSCRIPTION_JSON = Prisma.sql`to_jsonb(s) || jsonb_build_object(
  'items', (SELECT coalesce(jsonb_agg(to_jsonb(i) || jsonb_build_object('price', to_jsonb(p) || jsonb_build_object('product', to_jsonb(pr))) ORDER BY i."createdAt", i."id"), '[]')
    FROM "SubscriptionItem" i JOIN "Price" p ON p."accountId" = i."accountId" AND p."id" = i."priceId" JOIN "Product" pr ON pr."accountId" = p."accountId" AND pr."id" = p."productId"
    WHERE i."accountId" = s."accountId" AND i."subscriptionId" = s."id"),
  'defaultTaxRates', (SELECT coalesce(jsonb_agg(to_jsonb(st) || jsonb_build_object('taxRate', to_jsonb(t)) ORDER BY st."position"), '[]')
    FROM "SubscriptionTaxRate" st JOIN "TaxRate" t ON t."accountId" = st."accountId" AND t."id" = st."taxRateId" WHERE st."subscriptionId" = s."id"),
  'coupon', (SELECT to_jsonb(c) FROM "Coupon" c WHERE c."accountId" = s."accountId" AND c."id" = s."couponId"),
  'pendingProrations', (SELECT coalesce(jsonb_agg(to_jsonb(pp) ORDER BY pp."createdAt", pp."id"), '[]')
    FROM "PendingProration" pp WHERE pp."accountId" = s."accountId" AND pp."subscriptionId" = s."id" AND pp."invoiceId" IS NULL),
  'scheduledPrice', (SELECT to_jsonb(p) || jsonb_build_object('product', to_jsonb(pr))
    FROM "Price" p JOIN "Product" pr ON pr."accountId" = p."accountId" AND pr."id" = p."productId" WHERE p."accountId" = s."accountId" AND p."id" = s."scheduledPriceId"),
  'customer', jsonb_build_object('balances', (SELECT coalesce(jsonb_agg(jsonb_build_object('currency', b."currency", 'balance', b."balance") ORDER BY b."currency"), '[]')
    FROM "CustomerBalance" b WHERE b."accountId" = s."accountId" AND b."customerId" = s."customerId")))`;

/** The conditions on `s` for one customer's subscriptions that have not ended. */
export const liveSubscriptionsOf = ({ accountId, customerId }: TCustomerScope) =>
  Prisma.sql`s."accountId" = ${accountId} AND s."customerId" = ${customerId} AND s."status"::text IN (${Prisma.join(LIVE_STATUSES)})`;

export const NEWEST_FIRST = Prisma.sql`s."createdAt" DESC, s."id" DESC`;

export const renewableSubscriptionOf = (json: unknown) => hydrate<TRenewableSubscription>('Subscription', json);

/** The customer's subscriptions that have not ended, newest first, loaded as their next charge needs. */
export async function listLiveSubscriptions(scope: TCustomerScope): Promise<TRenewableSubscription[]> {
  const rows = await rawRows<{ subscription: unknown }>(Prisma.sql`
    SELECT ${RENEWABLE_SUBSCRIPTION_JSON} AS "subscription" FROM "Subscription" s WHERE ${liveSubscriptionsOf(scope)} ORDER BY ${NEWEST_FIRST}`);
  return rows.map((row) => renewableSubscriptionOf(row.subscription));
}

/** One of the customer's subscriptions that have not ended, or null (another customer's id included). */
export async function findLiveSubscription(scope: TCustomerScope, subscriptionId: string): Promise<TRenewableSubscription | null> {
  const [row] = await rawRows<{ subscription: unknown }>(Prisma.sql`
    SELECT ${RENEWABLE_SUBSCRIPTION_JSON} AS "subscription" FROM "Subscription" s WHERE s."id" = ${subscriptionId} AND ${liveSubscriptionsOf(scope)}`);
  return row ? renewableSubscriptionOf(row.subscription) : null;
}
