-- The billing engine claims the renewal due first among subscriptions whose periods go on
-- (lib/billing-engine/run-engine.ts, RENEWING). The (status, currentPeriodEnd) index cannot give
-- five statuses' rows in one order, so each claim sorted every due row: quadratic on a busy day.
-- This one is walked in order and stops at the first row that is not locked. Partial: Prisma's
-- schema cannot say so (see the note at the top of schema.prisma).
CREATE INDEX "Subscription_renewal_due" ON "Subscription" ("currentPeriodEnd")
  WHERE "status" IN ('trialing', 'active', 'past_due', 'unpaid', 'paused');
