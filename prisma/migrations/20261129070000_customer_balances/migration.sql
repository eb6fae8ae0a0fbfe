-- AlterTable
ALTER TABLE "Invoice" ADD COLUMN "startingBalance" BIGINT NOT NULL DEFAULT 0,
ADD COLUMN "endingBalance" BIGINT NOT NULL DEFAULT 0;

-- CreateTable
CREATE TABLE "CustomerBalance" (
    "accountId" TEXT NOT NULL,
    "customerId" TEXT NOT NULL,
    "currency" TEXT NOT NULL,
    "balance" BIGINT NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "CustomerBalance_pkey" PRIMARY KEY ("customerId","currency"),
    -- A balance is a credit the customer holds; a debt is never carried.
    CONSTRAINT "CustomerBalance_credit_only" CHECK ("balance" <= 0)
);

-- AddForeignKey
ALTER TABLE "CustomerBalance" ADD CONSTRAINT "CustomerBalance_accountId_customerId_fkey" FOREIGN KEY ("accountId", "customerId") REFERENCES "Customer"("accountId", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Credits worth more than the charges make an invoice's subtotal, taxes and total negative: its
-- total becomes the customer's credit. What was paid is never more than what was due.
ALTER TABLE "Invoice" DROP CONSTRAINT "Invoice_amounts_nonnegative";
ALTER TABLE "Invoice" ADD CONSTRAINT "Invoice_paid_nonnegative" CHECK ("amountPaid" >= 0);
ALTER TABLE "Invoice" DROP CONSTRAINT "Invoice_tax_parts";
ALTER TABLE "Invoice" ADD CONSTRAINT "Invoice_discount_nonnegative" CHECK ("discount" >= 0);
ALTER TABLE "Invoice" DROP CONSTRAINT "Invoice_paid_not_over_total";
ALTER TABLE "Invoice" ADD CONSTRAINT "Invoice_paid_not_over_due" CHECK ("amountPaid" <= "total" + "startingBalance" - "endingBalance");
ALTER TABLE "Invoice" ADD CONSTRAINT "Invoice_balances_are_credit" CHECK ("startingBalance" <= 0 AND "endingBalance" <= 0);
