-- Refunds, whole or in part, never above what was paid.
ALTER TABLE "Payment" ADD COLUMN "amountRefunded" BIGINT NOT NULL DEFAULT 0;
UPDATE "Payment" SET "amountRefunded" = "amount" WHERE "status" = 'refunded';
ALTER TABLE "Payment" ADD CONSTRAINT "Payment_refunded_within_amount" CHECK ("amountRefunded" BETWEEN 0 AND "amount");
ALTER TABLE "Payment" ADD CONSTRAINT "Payment_refunded_status" CHECK (("status" = 'refunded') = ("amountRefunded" = "amount"));
CREATE UNIQUE INDEX "Payment_accountId_id_key" ON "Payment"("accountId", "id");

CREATE TABLE "Refund" (
    "id" TEXT NOT NULL,
    "accountId" TEXT NOT NULL,
    "paymentId" TEXT NOT NULL,
    "amount" BIGINT NOT NULL,
    "currency" TEXT NOT NULL,
    "reason" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Refund_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "Refund_id_format" CHECK ("id" ~ '^re_[0-9A-HJKMNP-TV-Z]{26}$'),
    CONSTRAINT "Refund_amount_positive" CHECK ("amount" > 0),
    CONSTRAINT "Refund_reason" CHECK ("reason" IS NULL OR "reason" IN ('duplicate', 'fraudulent', 'requested_by_customer'))
);
CREATE INDEX "Refund_accountId_paymentId_idx" ON "Refund"("accountId", "paymentId");
ALTER TABLE "Refund" ADD CONSTRAINT "Refund_accountId_fkey" FOREIGN KEY ("accountId") REFERENCES "Account"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "Refund" ADD CONSTRAINT "Refund_accountId_paymentId_fkey" FOREIGN KEY ("accountId", "paymentId") REFERENCES "Payment"("accountId", "id") ON DELETE RESTRICT ON UPDATE CASCADE;
