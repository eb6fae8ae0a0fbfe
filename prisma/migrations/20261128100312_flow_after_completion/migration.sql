-- AlterTable
ALTER TABLE "PortalLogin" ADD COLUMN     "flowCompletedAt" TIMESTAMP(3);

