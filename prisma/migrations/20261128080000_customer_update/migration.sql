-- AlterTable
ALTER TABLE "PortalConfiguration" ADD COLUMN     "customerAllowedUpdates" TEXT[] DEFAULT ARRAY['name', 'phone', 'address', 'taxIds']::TEXT[],
ADD COLUMN     "customerUpdateEnabled" BOOLEAN NOT NULL DEFAULT true;

-- Only the customer's fields the portal can edit.
ALTER TABLE "PortalConfiguration" ADD CONSTRAINT "PortalConfiguration_customer_allowed_updates" CHECK ("customerAllowedUpdates" <@ ARRAY['email', 'name', 'phone', 'address', 'taxIds']::TEXT[]);
