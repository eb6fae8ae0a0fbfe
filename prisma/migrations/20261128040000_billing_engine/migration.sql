-- CreateEnum
CREATE TYPE "DunningFinalAction" AS ENUM ('cancel', 'mark_unpaid');

-- CreateEnum
CREATE TYPE "TestClockStatus" AS ENUM ('ready', 'advancing');

-- CreateEnum
CREATE TYPE "BillingReason" AS ENUM ('subscription_create', 'subscription_cycle', 'subscription_update', 'manual');

-- AlterTable
ALTER TABLE "Account" ADD COLUMN     "dunningFinalAction" "DunningFinalAction" NOT NULL DEFAULT 'cancel',
ADD COLUMN     "dunningRetryDays" INTEGER[] NOT NULL DEFAULT ARRAY[3, 5, 7]::INTEGER[];

-- AlterTable
ALTER TABLE "Customer" ADD COLUMN     "testClockId" TEXT;

-- AlterTable
ALTER TABLE "Subscription" ADD COLUMN     "trialWillEndSentAt" TIMESTAMP(3),
ADD COLUMN     "billingCycleAnchor" TIMESTAMP(3);
UPDATE "Subscription" SET "billingCycleAnchor" = "currentPeriodEnd";
ALTER TABLE "Subscription" ALTER COLUMN "billingCycleAnchor" SET NOT NULL;

-- AlterTable
ALTER TABLE "Invoice" ADD COLUMN     "attemptCount" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "billingReason" "BillingReason" NOT NULL DEFAULT 'manual',
ADD COLUMN     "firstFailedAt" TIMESTAMP(3),
ADD COLUMN     "nextPaymentAttempt" TIMESTAMP(3);

-- CreateTable
CREATE TABLE "TestClock" (
    "id" TEXT NOT NULL,
    "accountId" TEXT NOT NULL,
    "name" TEXT,
    "frozenTime" TIMESTAMP(3) NOT NULL,
    "status" "TestClockStatus" NOT NULL DEFAULT 'ready',
    "advancingSince" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "TestClock_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "TestClock_accountId_createdAt_idx" ON "TestClock"("accountId", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "TestClock_accountId_id_key" ON "TestClock"("accountId", "id");

-- CreateIndex
CREATE INDEX "Subscription_status_trialEnd_idx" ON "Subscription"("status", "trialEnd");

-- CreateIndex
CREATE INDEX "Invoice_nextPaymentAttempt_idx" ON "Invoice"("nextPaymentAttempt");

-- AddForeignKey
ALTER TABLE "TestClock" ADD CONSTRAINT "TestClock_accountId_fkey" FOREIGN KEY ("accountId") REFERENCES "Account"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Customer" ADD CONSTRAINT "Customer_accountId_testClockId_fkey" FOREIGN KEY ("accountId", "testClockId") REFERENCES "TestClock"("accountId", "id") ON DELETE RESTRICT ON UPDATE CASCADE;


-- Invoices made before the engine: a subscription's earliest is its first, the rest renewals.
UPDATE "Invoice" i SET "billingReason" = CASE
  WHEN i."issuedAt" = (SELECT min(o."issuedAt") FROM "Invoice" o WHERE o."subscriptionId" = i."subscriptionId") THEN 'subscription_create'::"BillingReason"
  ELSE 'subscription_cycle'::"BillingReason" END
WHERE i."subscriptionId" IS NOT NULL;

-- Exactly one invoice per subscription period, whatever number of engines race for it.
CREATE UNIQUE INDEX "Invoice_one_per_subscription_period" ON "Invoice"("subscriptionId", "periodStart")
  WHERE "billingReason" IN ('subscription_create', 'subscription_cycle');

ALTER TABLE "Account" ADD CONSTRAINT "Account_dunningRetryDays_check"
  CHECK (cardinality("dunningRetryDays") <= 8 AND 0 < ALL ("dunningRetryDays") AND 60 >= ALL ("dunningRetryDays"));
