-- CreateEnum
CREATE TYPE "ProrationBehavior" AS ENUM ('create_prorations', 'none', 'always_invoice');

-- CreateEnum
CREATE TYPE "ChangeTiming" AS ENUM ('now', 'period_end');

-- CreateEnum
CREATE TYPE "FlowAfterCompletion" AS ENUM ('redirect', 'hosted_confirmation', 'portal_homepage');

-- AlterEnum
ALTER TYPE "PortalFlowType" ADD VALUE 'subscription_update';
ALTER TYPE "PortalFlowType" ADD VALUE 'subscription_update_confirm';

-- AlterTable
ALTER TABLE "PortalConfiguration" ADD COLUMN     "subscriptionUpdateEnabled" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "subscriptionUpdateProducts" JSONB NOT NULL DEFAULT '[]',
ADD COLUMN     "updateDowngradeTiming" "ChangeTiming" NOT NULL DEFAULT 'now',
ADD COLUMN     "updateProrationBehavior" "ProrationBehavior" NOT NULL DEFAULT 'create_prorations',
ADD COLUMN     "updateQuantityEnabled" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "updateQuantityMax" INTEGER NOT NULL DEFAULT 99,
ADD COLUMN     "updateQuantityMin" INTEGER NOT NULL DEFAULT 1;

-- AlterTable
ALTER TABLE "Subscription" ADD COLUMN     "scheduledPriceId" TEXT,
ADD COLUMN     "scheduledQuantity" INTEGER;

-- AlterTable
ALTER TABLE "PortalSession" ADD COLUMN     "flowAfterCompletion" "FlowAfterCompletion",
ADD COLUMN     "flowPriceId" TEXT,
ADD COLUMN     "flowQuantity" INTEGER;

-- AddForeignKey
ALTER TABLE "Subscription" ADD CONSTRAINT "Subscription_accountId_scheduledPriceId_fkey" FOREIGN KEY ("accountId", "scheduledPriceId") REFERENCES "Price"("accountId", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PortalSession" ADD CONSTRAINT "PortalSession_accountId_flowPriceId_fkey" FOREIGN KEY ("accountId", "flowPriceId") REFERENCES "Price"("accountId", "id") ON DELETE CASCADE ON UPDATE CASCADE;


-- Seats within bounds a customer can reach.
ALTER TABLE "PortalConfiguration" ADD CONSTRAINT "PortalConfiguration_update_quantity" CHECK (1 <= "updateQuantityMin" AND "updateQuantityMin" <= "updateQuantityMax" AND "updateQuantityMax" <= 100000);

-- A scheduled change names both its price and its quantity, or neither.
ALTER TABLE "Subscription" ADD CONSTRAINT "Subscription_scheduled_change" CHECK (("scheduledPriceId" IS NULL) = ("scheduledQuantity" IS NULL) AND COALESCE("scheduledQuantity", 1) >= 1);

-- Each flow carries exactly what it needs (compared as text: new enum values cannot be used in the transaction that adds them).
ALTER TABLE "PortalSession" DROP CONSTRAINT "PortalSession_flow_subscription";
ALTER TABLE "PortalSession" ADD CONSTRAINT "PortalSession_flow_subscription" CHECK ((COALESCE("flowType"::text, '') IN ('subscription_cancel', 'subscription_update', 'subscription_update_confirm')) = ("flowSubscriptionId" IS NOT NULL));
ALTER TABLE "PortalSession" ADD CONSTRAINT "PortalSession_flow_price" CHECK ((COALESCE("flowType"::text, '') = 'subscription_update_confirm') = ("flowPriceId" IS NOT NULL) AND ("flowPriceId" IS NULL) = ("flowQuantity" IS NULL) AND COALESCE("flowQuantity", 1) >= 1);
ALTER TABLE "PortalSession" ADD CONSTRAINT "PortalSession_flow_after_completion" CHECK ("flowType" IS NOT NULL OR "flowAfterCompletion" IS NULL);
