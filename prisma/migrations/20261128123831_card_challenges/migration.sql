-- CreateEnum
CREATE TYPE "CardChallengePurpose" AS ENUM ('card_setup', 'invoice_payment');

-- CreateEnum
CREATE TYPE "CardChallengeStatus" AS ENUM ('pending', 'succeeded', 'failed', 'abandoned', 'expired');

-- CreateTable
CREATE TABLE "CardChallenge" (
    "id" TEXT NOT NULL,
    "accountId" TEXT NOT NULL,
    "customerId" TEXT NOT NULL,
    "portalLoginId" TEXT NOT NULL,
    "purpose" "CardChallengePurpose" NOT NULL,
    "status" "CardChallengeStatus" NOT NULL DEFAULT 'pending',
    "processorChallengeId" TEXT NOT NULL,
    "cardAttemptId" TEXT,
    "cardholderName" TEXT,
    "makeDefault" BOOLEAN NOT NULL DEFAULT false,
    "invoiceId" TEXT,
    "paymentMethodId" TEXT,
    "amount" BIGINT,
    "currency" TEXT,
    "failureCode" TEXT,
    "resultId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "settledAt" TIMESTAMP(3),

    CONSTRAINT "CardChallenge_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "CardChallenge_accountId_customerId_idx" ON "CardChallenge"("accountId", "customerId");

-- AddForeignKey
ALTER TABLE "CardChallenge" ADD CONSTRAINT "CardChallenge_accountId_customerId_fkey" FOREIGN KEY ("accountId", "customerId") REFERENCES "Customer"("accountId", "id") ON DELETE CASCADE ON UPDATE CASCADE;

