-- One-off invoices: a draft gathers items (with the draft's default tax rates unless they name
-- their own), a memo and metadata, and is then finalized, paid, voided or marked uncollectible.
ALTER TABLE "Invoice" ADD COLUMN "daysUntilDue" INTEGER;
ALTER TABLE "Invoice" ADD COLUMN "defaultTaxRateIds" TEXT[] NOT NULL DEFAULT ARRAY[]::TEXT[];
ALTER TABLE "Invoice" ADD COLUMN "description" TEXT;
ALTER TABLE "Invoice" ADD COLUMN "metadata" JSONB NOT NULL DEFAULT '{}';
ALTER TABLE "Invoice" ADD CONSTRAINT "Invoice_days_until_due" CHECK ("daysUntilDue" IS NULL OR "daysUntilDue" BETWEEN 0 AND 365);
