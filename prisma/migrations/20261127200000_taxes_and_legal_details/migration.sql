-- Tax rates, discounts and the legal details EU VAT and Indonesian tax invoices need (docs/billing.md).

-- The seller: legal name, registered address and tax ID, printed on invoices and receipts.
ALTER TABLE "CheckoutSettings" ADD COLUMN "legalName" TEXT;
ALTER TABLE "CheckoutSettings" ADD COLUMN "address" JSONB;
ALTER TABLE "CheckoutSettings" ADD COLUMN "taxId" TEXT;

-- The buyer.
ALTER TABLE "Customer" ADD COLUMN "phone" TEXT;
ALTER TABLE "Customer" ADD COLUMN "address" JSONB;
ALTER TABLE "Customer" ADD COLUMN "taxIds" JSONB NOT NULL DEFAULT '[]';

CREATE TABLE "TaxRate" (
    "id" TEXT NOT NULL,
    "accountId" TEXT NOT NULL,
    "displayName" TEXT NOT NULL,
    "percentage" INTEGER NOT NULL,
    "inclusive" BOOLEAN NOT NULL,
    "country" TEXT,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "TaxRate_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "TaxRate_id_format" CHECK ("id" ~ '^txr_[0-9A-HJKMNP-TV-Z]{26}$'),
    -- Ten-thousandths of a percent: 0 to 100 %.
    CONSTRAINT "TaxRate_percentage_range" CHECK ("percentage" BETWEEN 0 AND 1000000),
    CONSTRAINT "TaxRate_country_iso" CHECK ("country" IS NULL OR "country" ~ '^[A-Z]{2}$')
);
CREATE UNIQUE INDEX "TaxRate_accountId_id_key" ON "TaxRate"("accountId", "id");
CREATE INDEX "TaxRate_accountId_createdAt_idx" ON "TaxRate"("accountId", "createdAt");
ALTER TABLE "TaxRate" ADD CONSTRAINT "TaxRate_accountId_fkey" FOREIGN KEY ("accountId") REFERENCES "Account"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- A subscription's default tax rates, in order.
CREATE TABLE "SubscriptionTaxRate" (
    "accountId" TEXT NOT NULL,
    "subscriptionId" TEXT NOT NULL,
    "taxRateId" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    CONSTRAINT "SubscriptionTaxRate_pkey" PRIMARY KEY ("subscriptionId", "taxRateId")
);
CREATE UNIQUE INDEX "SubscriptionTaxRate_subscriptionId_position_key" ON "SubscriptionTaxRate"("subscriptionId", "position");
ALTER TABLE "SubscriptionTaxRate" ADD CONSTRAINT "SubscriptionTaxRate_subscriptionId_fkey" FOREIGN KEY ("subscriptionId") REFERENCES "Subscription"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "SubscriptionTaxRate" ADD CONSTRAINT "SubscriptionTaxRate_accountId_taxRateId_fkey" FOREIGN KEY ("accountId", "taxRateId") REFERENCES "TaxRate"("accountId", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- Invoices: the discount, the part of the tax already inside the prices, and the buyer as they
-- were when the invoice was issued (a later change of address does not rewrite an issued invoice).
ALTER TABLE "Invoice" ADD COLUMN "discount" BIGINT NOT NULL DEFAULT 0;
ALTER TABLE "Invoice" ADD COLUMN "inclusiveTax" BIGINT NOT NULL DEFAULT 0;
ALTER TABLE "Invoice" ADD COLUMN "customerName" TEXT;
ALTER TABLE "Invoice" ADD COLUMN "customerEmail" TEXT;
ALTER TABLE "Invoice" ADD COLUMN "customerAddress" JSONB;
ALTER TABLE "Invoice" ADD COLUMN "customerTaxIds" JSONB NOT NULL DEFAULT '[]';
ALTER TABLE "Invoice" DROP CONSTRAINT "Invoice_total_adds_up";
ALTER TABLE "Invoice" ADD CONSTRAINT "Invoice_total_adds_up" CHECK ("total" = "subtotal" - "discount" + "tax" - "inclusiveTax");
ALTER TABLE "Invoice" ADD CONSTRAINT "Invoice_tax_parts" CHECK ("discount" >= 0 AND "inclusiveTax" BETWEEN 0 AND "tax");

ALTER TABLE "InvoiceLine" ADD COLUMN "discountAmount" BIGINT NOT NULL DEFAULT 0;
ALTER TABLE "InvoiceLine" ADD COLUMN "proration" BOOLEAN NOT NULL DEFAULT false;

-- Each line's tax per rate: what the per-rate summary on an invoice adds up.
CREATE TABLE "InvoiceLineTax" (
    "accountId" TEXT NOT NULL,
    "invoiceLineId" TEXT NOT NULL,
    "taxRateId" TEXT NOT NULL,
    "taxableAmount" BIGINT NOT NULL,
    "amount" BIGINT NOT NULL,
    CONSTRAINT "InvoiceLineTax_pkey" PRIMARY KEY ("invoiceLineId", "taxRateId")
);
ALTER TABLE "InvoiceLineTax" ADD CONSTRAINT "InvoiceLineTax_invoiceLineId_fkey" FOREIGN KEY ("invoiceLineId") REFERENCES "InvoiceLine"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "InvoiceLineTax" ADD CONSTRAINT "InvoiceLineTax_accountId_taxRateId_fkey" FOREIGN KEY ("accountId", "taxRateId") REFERENCES "TaxRate"("accountId", "id") ON DELETE RESTRICT ON UPDATE CASCADE;
