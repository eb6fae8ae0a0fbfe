-- Failed deliveries are retried until "retryUntil"; a redelivery opens a new window.
-- Rows queued before this migration get 24 h from their creation.
ALTER TABLE "WebhookDelivery" ADD COLUMN "retryUntil" TIMESTAMP(3);
UPDATE "WebhookDelivery" SET "retryUntil" = "createdAt" + INTERVAL '24 hours';
ALTER TABLE "WebhookDelivery" ALTER COLUMN "retryUntil" SET NOT NULL;
