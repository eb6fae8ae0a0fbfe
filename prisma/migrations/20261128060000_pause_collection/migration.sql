-- CreateEnum
CREATE TYPE "PauseBehavior" AS ENUM ('keep_as_draft', 'mark_uncollectible', 'void');

-- AlterEnum
ALTER TYPE "SubscriptionStatus" ADD VALUE 'paused';

-- AlterTable
ALTER TABLE "Subscription" ADD COLUMN     "pauseBehavior" "PauseBehavior",
ADD COLUMN     "pauseResumesAt" TIMESTAMP(3);


-- Paused exactly when there is a pause to follow (compared as text: a new enum value cannot be used in the transaction that adds it).
ALTER TABLE "Subscription" ADD CONSTRAINT "Subscription_paused_has_behavior" CHECK (("status"::text = 'paused') = ("pauseBehavior" IS NOT NULL));
