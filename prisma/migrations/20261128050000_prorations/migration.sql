-- CreateTable
CREATE TABLE "PendingProration" (
    "id" TEXT NOT NULL,
    "accountId" TEXT NOT NULL,
    "subscriptionId" TEXT NOT NULL,
    "priceId" TEXT NOT NULL,
    "description" TEXT NOT NULL,
    "amount" BIGINT NOT NULL,
    "periodStart" TIMESTAMP(3) NOT NULL,
    "periodEnd" TIMESTAMP(3) NOT NULL,
    "invoiceId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "PendingProration_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "PendingProration_subscriptionId_invoiceId_idx" ON "PendingProration"("subscriptionId", "invoiceId");

-- AddForeignKey
ALTER TABLE "PendingProration" ADD CONSTRAINT "PendingProration_accountId_subscriptionId_fkey" FOREIGN KEY ("accountId", "subscriptionId") REFERENCES "Subscription"("accountId", "id") ON DELETE CASCADE ON UPDATE CASCADE;

