-- AlterTable
ALTER TABLE "PortalConfiguration" ADD COLUMN     "resubscribeEnabled" BOOLEAN NOT NULL DEFAULT false;

