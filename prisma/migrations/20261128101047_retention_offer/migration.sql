-- CreateEnum
CREATE TYPE "RetentionOutcome" AS ENUM ('accepted', 'declined');

-- AlterTable
ALTER TABLE "PortalConfiguration" ADD COLUMN     "retentionCouponId" TEXT;

-- AlterTable
ALTER TABLE "Subscription" ADD COLUMN     "retentionCouponId" TEXT,
ADD COLUMN     "retentionDecidedAt" TIMESTAMP(3),
ADD COLUMN     "retentionOutcome" "RetentionOutcome";

-- AddForeignKey
ALTER TABLE "PortalConfiguration" ADD CONSTRAINT "PortalConfiguration_accountId_retentionCouponId_fkey" FOREIGN KEY ("accountId", "retentionCouponId") REFERENCES "Coupon"("accountId", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Subscription" ADD CONSTRAINT "Subscription_accountId_retentionCouponId_fkey" FOREIGN KEY ("accountId", "retentionCouponId") REFERENCES "Coupon"("accountId", "id") ON DELETE RESTRICT ON UPDATE CASCADE;


-- An outcome names its coupon and its moment, or there is none.
ALTER TABLE "Subscription" ADD CONSTRAINT "Subscription_retention_outcome" CHECK (("retentionOutcome" IS NULL) = ("retentionCouponId" IS NULL) AND ("retentionOutcome" IS NULL) = ("retentionDecidedAt" IS NULL));
