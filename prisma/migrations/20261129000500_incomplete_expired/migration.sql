-- AlterEnum
ALTER TYPE "SubscriptionStatus" ADD VALUE 'incomplete_expired';
