-- AlterTable
ALTER TABLE "PortalConfiguration" ADD COLUMN     "subscriptionPauseEnabled" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "subscriptionPauseMaxPeriods" INTEGER NOT NULL DEFAULT 3;

-- A pause offered instead of a cancel lasts one billing period at least, a year of months at most.
ALTER TABLE "PortalConfiguration" ADD CONSTRAINT "PortalConfiguration_pause_max_periods" CHECK ("subscriptionPauseMaxPeriods" BETWEEN 1 AND 12);
