import 'server-only';
import type { TCustomerScope } from './customer-scope';
import { Prisma, type Invoice, type Payment, type PaymentMethod } from '../db/generated/client';
import { rawRows } from '../db/raw-rows';
import { hydrate } from '../db/hydrate';
import { liveSubscriptionsOf, NEWEST_FIRST, RENEWABLE_SUBSCRIPTION_JSON, renewableSubscriptionOf } from './live-subscriptions';

type TOverviewRow = { subscriptions: unknown[]; defaultCard: unknown; latestInvoice: unknown; latestPayment: unknown; overdueInvoice: unknown };

/**
 * What the overview shows: the subscriptions that have not ended, the default card, the latest
 * invoice and payment, the oldest invoice past due at `now` (the customer's billing time). One
 * statement: the portal's first screen pays for one round trip, not five.
 */
export async function getOverview(scope: TCustomerScope, now: Date) {
  const { accountId, customerId } = scope;
  const [row] = await rawRows<TOverviewRow>(Prisma.sql`
    SELECT
      (SELECT coalesce(jsonb_agg(${RENEWABLE_SUBSCRIPTION_JSON} ORDER BY ${NEWEST_FIRST}), '[]') FROM "Subscription" s WHERE ${liveSubscriptionsOf(scope)}) AS "subscriptions",
      (SELECT to_jsonb(pm) FROM "PaymentMethod" pm
        WHERE pm."accountId" = ${accountId} AND pm."customerId" = ${customerId} AND pm."isDefault" AND pm."detachedAt" IS NULL LIMIT 1) AS "defaultCard",
      (SELECT to_jsonb(i) FROM "Invoice" i
        WHERE i."accountId" = ${accountId} AND i."customerId" = ${customerId} AND i."status" <> 'draft' ORDER BY i."issuedAt" DESC, i."id" DESC LIMIT 1) AS "latestInvoice",
      (SELECT to_jsonb(p) FROM "Payment" p
        WHERE p."accountId" = ${accountId} AND p."customerId" = ${customerId} ORDER BY p."createdAt" DESC, p."id" DESC LIMIT 1) AS "latestPayment",
      -- Past due: a charge of it failed, or its due date has passed; the oldest first.
      (SELECT to_jsonb(i) FROM "Invoice" i
        WHERE i."accountId" = ${accountId} AND i."customerId" = ${customerId} AND i."status" = 'open' AND (i."attemptCount" > 0 OR i."dueAt" < ${now})
        ORDER BY i."issuedAt" ASC, i."id" ASC LIMIT 1) AS "overdueInvoice"`);
  return {
    subscriptions: row!.subscriptions.map(renewableSubscriptionOf),
    defaultCard: hydrate<PaymentMethod | null>('PaymentMethod', row!.defaultCard),
    latestInvoice: hydrate<Invoice | null>('Invoice', row!.latestInvoice),
    latestPayment: hydrate<Payment | null>('Payment', row!.latestPayment),
    overdueInvoice: hydrate<Invoice | null>('Invoice', row!.overdueInvoice),
  };
}
