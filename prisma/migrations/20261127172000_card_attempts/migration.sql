-- Card attempts, for velocity limits against card testing (docs/portal.md).
CREATE TABLE "CardAttempt" (
    "id" TEXT NOT NULL,
    "accountId" TEXT NOT NULL,
    "customerId" TEXT NOT NULL,
    "portalLoginId" TEXT NOT NULL,
    "outcome" TEXT NOT NULL DEFAULT 'pending',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "CardAttempt_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "CardAttempt_outcome" CHECK ("outcome" IN ('pending', 'saved', 'declined'))
);
CREATE INDEX "CardAttempt_accountId_createdAt_idx" ON "CardAttempt"("accountId", "createdAt");
CREATE INDEX "CardAttempt_customerId_createdAt_idx" ON "CardAttempt"("customerId", "createdAt");
