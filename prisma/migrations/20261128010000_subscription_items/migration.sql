-- A subscription holds items (price × quantity), several of them, as Stripe's; it keeps its
-- currency, how it is collected, its coupon and trial (docs/api.md). Drafts have no number yet.

CREATE TYPE "CollectionMethod" AS ENUM ('charge_automatically', 'send_invoice');

CREATE UNIQUE INDEX "Subscription_accountId_id_key" ON "Subscription"("accountId", "id");

CREATE TABLE "SubscriptionItem" (
    "id" TEXT NOT NULL,
    "accountId" TEXT NOT NULL,
    "subscriptionId" TEXT NOT NULL,
    "priceId" TEXT NOT NULL,
    "quantity" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SubscriptionItem_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "SubscriptionItem_id_format" CHECK ("id" ~ '^si_[0-9A-HJKMNP-TV-Z]{26}$'),
    CONSTRAINT "SubscriptionItem_quantity_positive" CHECK ("quantity" > 0)
);
CREATE INDEX "SubscriptionItem_accountId_priceId_idx" ON "SubscriptionItem"("accountId", "priceId");
CREATE UNIQUE INDEX "SubscriptionItem_subscriptionId_priceId_key" ON "SubscriptionItem"("subscriptionId", "priceId");
ALTER TABLE "SubscriptionItem" ADD CONSTRAINT "SubscriptionItem_accountId_fkey" FOREIGN KEY ("accountId") REFERENCES "Account"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "SubscriptionItem" ADD CONSTRAINT "SubscriptionItem_accountId_subscriptionId_fkey" FOREIGN KEY ("accountId", "subscriptionId") REFERENCES "Subscription"("accountId", "id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "SubscriptionItem" ADD CONSTRAINT "SubscriptionItem_accountId_priceId_fkey" FOREIGN KEY ("accountId", "priceId") REFERENCES "Price"("accountId", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- Each existing subscription's price and quantity become its one item (the id keeps the
-- subscription's ULID, so that it is unique and sorts with it), and its currency is the price's.
ALTER TABLE "Subscription" ADD COLUMN "currency" TEXT;
INSERT INTO "SubscriptionItem" ("id", "accountId", "subscriptionId", "priceId", "quantity", "createdAt")
SELECT 'si_' || substr(s."id", 5), s."accountId", s."id", s."priceId", s."quantity", s."createdAt" FROM "Subscription" s;
UPDATE "Subscription" s SET "currency" = p."currency" FROM "Price" p WHERE p."accountId" = s."accountId" AND p."id" = s."priceId";
ALTER TABLE "Subscription" ALTER COLUMN "currency" SET NOT NULL;

ALTER TABLE "Subscription" DROP CONSTRAINT "Subscription_quantity_positive";
ALTER TABLE "Subscription" DROP CONSTRAINT "Subscription_accountId_priceId_fkey";
ALTER TABLE "Subscription" DROP COLUMN "priceId";
ALTER TABLE "Subscription" DROP COLUMN "quantity";

ALTER TABLE "Subscription" ADD COLUMN "collectionMethod" "CollectionMethod" NOT NULL DEFAULT 'charge_automatically';
ALTER TABLE "Subscription" ADD COLUMN "daysUntilDue" INTEGER;
ALTER TABLE "Subscription" ADD COLUMN "couponId" TEXT;
ALTER TABLE "Subscription" ADD COLUMN "discountEnd" TIMESTAMP(3);
ALTER TABLE "Subscription" ADD COLUMN "trialStart" TIMESTAMP(3);
ALTER TABLE "Subscription" ADD COLUMN "trialEnd" TIMESTAMP(3);
ALTER TABLE "Subscription" ADD COLUMN "metadata" JSONB NOT NULL DEFAULT '{}';
ALTER TABLE "Subscription" ADD CONSTRAINT "Subscription_accountId_couponId_fkey" FOREIGN KEY ("accountId", "couponId") REFERENCES "Coupon"("accountId", "id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "Subscription" ADD CONSTRAINT "Subscription_days_until_due" CHECK (
  ("collectionMethod" = 'send_invoice') = ("daysUntilDue" IS NOT NULL) AND ("daysUntilDue" IS NULL OR "daysUntilDue" BETWEEN 0 AND 365)
);
ALTER TABLE "Subscription" ADD CONSTRAINT "Subscription_trial_order" CHECK ("trialEnd" IS NULL OR "trialStart" IS NULL OR "trialEnd" > "trialStart");

-- A finalized invoice has its number; a draft has none.
ALTER TABLE "Invoice" ALTER COLUMN "number" DROP NOT NULL;
ALTER TABLE "Invoice" ADD CONSTRAINT "Invoice_number_unless_draft" CHECK (("status" = 'draft') = ("number" IS NULL));

-- Each account numbers its invoices and receipts from its own sequences, gap-free: the counter is
-- taken in the transaction that finalizes (a rollback gives the number back). The prefix comes from
-- the account id, so that it differs from every number the demo history uses.
ALTER TABLE "Account" ADD COLUMN "invoicePrefix" TEXT;
UPDATE "Account" SET "invoicePrefix" = upper(substr("id", 21, 8));
ALTER TABLE "Account" ALTER COLUMN "invoicePrefix" SET NOT NULL;
ALTER TABLE "Account" ADD COLUMN "nextInvoiceNumber" INTEGER NOT NULL DEFAULT 1;
ALTER TABLE "Account" ADD COLUMN "nextReceiptNumber" INTEGER NOT NULL DEFAULT 1;
ALTER TABLE "Account" ADD CONSTRAINT "Account_invoice_prefix" CHECK ("invoicePrefix" ~ '^[A-Z0-9]{3,12}$');

-- An invoice is charged to the card on file or waits for the customer to pay it.
ALTER TABLE "Invoice" ADD COLUMN "collectionMethod" "CollectionMethod" NOT NULL DEFAULT 'charge_automatically';
ALTER TABLE "Payment" ADD COLUMN "failureCode" TEXT;
UPDATE "Payment" SET "failureCode" = 'card_declined' WHERE "status" = 'failed';
ALTER TABLE "Payment" ADD CONSTRAINT "Payment_failure_has_code" CHECK (("status" = 'failed') = ("failureCode" IS NOT NULL) OR "status" = 'pending');
