-- AlterEnum
ALTER TYPE "PortalFlowType" ADD VALUE 'invoice_payment';

-- AlterTable
ALTER TABLE "PortalConfiguration" ADD COLUMN     "invoicePaymentEnabled" BOOLEAN NOT NULL DEFAULT true;

-- AlterTable
ALTER TABLE "PortalSession" ADD COLUMN     "flowInvoiceId" TEXT;

-- AddForeignKey
ALTER TABLE "PortalSession" ADD CONSTRAINT "PortalSession_accountId_customerId_flowInvoiceId_fkey" FOREIGN KEY ("accountId", "customerId", "flowInvoiceId") REFERENCES "Invoice"("accountId", "customerId", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- An invoice to pay exactly for the invoice_payment flow (compared as text: a new enum value cannot be used in the transaction that adds it).
ALTER TABLE "PortalSession" ADD CONSTRAINT "PortalSession_flow_invoice" CHECK ((COALESCE("flowType"::text, '') = 'invoice_payment') = ("flowInvoiceId" IS NOT NULL));
