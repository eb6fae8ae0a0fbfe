-- Rules the Prisma schema cannot express. Each one makes a bad row impossible, whatever the code does.

-- Ids are a prefix plus a 26-character ULID (Crockford base32).
ALTER TABLE "Account" ADD CONSTRAINT "Account_id_format" CHECK ("id" ~ '^acc_[0-9A-HJKMNP-TV-Z]{26}$');
ALTER TABLE "ApiKey" ADD CONSTRAINT "ApiKey_id_format" CHECK ("id" ~ '^key_[0-9A-HJKMNP-TV-Z]{26}$');
ALTER TABLE "Customer" ADD CONSTRAINT "Customer_id_format" CHECK ("id" ~ '^cus_[0-9A-HJKMNP-TV-Z]{26}$');
ALTER TABLE "PaymentMethod" ADD CONSTRAINT "PaymentMethod_id_format" CHECK ("id" ~ '^pm_[0-9A-HJKMNP-TV-Z]{26}$');
ALTER TABLE "Subscription" ADD CONSTRAINT "Subscription_id_format" CHECK ("id" ~ '^sub_[0-9A-HJKMNP-TV-Z]{26}$');
ALTER TABLE "Invoice" ADD CONSTRAINT "Invoice_id_format" CHECK ("id" ~ '^inv_[0-9A-HJKMNP-TV-Z]{26}$');
ALTER TABLE "Payment" ADD CONSTRAINT "Payment_id_format" CHECK ("id" ~ '^pay_[0-9A-HJKMNP-TV-Z]{26}$');
ALTER TABLE "PortalSession" ADD CONSTRAINT "PortalSession_id_format" CHECK ("id" ~ '^pls_[0-9A-HJKMNP-TV-Z]{26}$');
ALTER TABLE "WebhookEndpoint" ADD CONSTRAINT "WebhookEndpoint_id_format" CHECK ("id" ~ '^we_[0-9A-HJKMNP-TV-Z]{26}$');
ALTER TABLE "Event" ADD CONSTRAINT "Event_id_format" CHECK ("id" ~ '^evt_[0-9A-HJKMNP-TV-Z]{26}$');

-- A platform manages merchants; a merchant never manages itself.
ALTER TABLE "Account" ADD CONSTRAINT "Account_platform_not_self" CHECK ("platformAccountId" IS NULL OR "platformAccountId" <> "id");

-- Money: ISO 4217 codes, no negative amounts, and totals that add up.
ALTER TABLE "Price" ADD CONSTRAINT "Price_currency_iso" CHECK ("currency" ~ '^[A-Z]{3}$');
ALTER TABLE "Price" ADD CONSTRAINT "Price_amount_nonnegative" CHECK ("unitAmount" >= 0);
ALTER TABLE "Price" ADD CONSTRAINT "Price_interval_count_positive" CHECK ("intervalCount" > 0);
ALTER TABLE "Invoice" ADD CONSTRAINT "Invoice_currency_iso" CHECK ("currency" ~ '^[A-Z]{3}$');
ALTER TABLE "Invoice" ADD CONSTRAINT "Invoice_amounts_nonnegative" CHECK ("subtotal" >= 0 AND "tax" >= 0 AND "amountPaid" >= 0);
ALTER TABLE "Invoice" ADD CONSTRAINT "Invoice_total_adds_up" CHECK ("total" = "subtotal" + "tax");
ALTER TABLE "Invoice" ADD CONSTRAINT "Invoice_paid_not_over_total" CHECK ("amountPaid" <= "total");
ALTER TABLE "Invoice" ADD CONSTRAINT "Invoice_paid_has_date" CHECK ("status" <> 'paid' OR "paidAt" IS NOT NULL);
ALTER TABLE "InvoiceLine" ADD CONSTRAINT "InvoiceLine_quantity_positive" CHECK ("quantity" > 0);
ALTER TABLE "InvoiceLine" ADD CONSTRAINT "InvoiceLine_amount_is_quantity_times_unit" CHECK ("amount" = "unitAmount" * "quantity");
ALTER TABLE "Payment" ADD CONSTRAINT "Payment_currency_iso" CHECK ("currency" ~ '^[A-Z]{3}$');
ALTER TABLE "Payment" ADD CONSTRAINT "Payment_amount_positive" CHECK ("amount" > 0);

-- Cards: only what may be kept (brand, last four digits, expiry), never a number.
ALTER TABLE "PaymentMethod" ADD CONSTRAINT "PaymentMethod_last4" CHECK ("cardLast4" ~ '^[0-9]{4}$');
ALTER TABLE "PaymentMethod" ADD CONSTRAINT "PaymentMethod_exp_month" CHECK ("expMonth" BETWEEN 1 AND 12);
ALTER TABLE "PaymentMethod" ADD CONSTRAINT "PaymentMethod_exp_year" CHECK ("expYear" BETWEEN 2000 AND 2200);
ALTER TABLE "PaymentMethod" ADD CONSTRAINT "PaymentMethod_detached_not_default" CHECK (NOT ("isDefault" AND "detachedAt" IS NOT NULL));
ALTER TABLE "Payment" ADD CONSTRAINT "Payment_card_last4" CHECK ("cardLast4" IS NULL OR "cardLast4" ~ '^[0-9]{4}$');
-- At most one default card per customer.
CREATE UNIQUE INDEX "PaymentMethod_one_default_per_customer" ON "PaymentMethod" ("accountId", "customerId") WHERE "isDefault";

-- Subscriptions: a period moves forward; a canceled subscription says when.
ALTER TABLE "Subscription" ADD CONSTRAINT "Subscription_period_order" CHECK ("currentPeriodEnd" > "currentPeriodStart");
ALTER TABLE "Subscription" ADD CONSTRAINT "Subscription_quantity_positive" CHECK ("quantity" > 0);
ALTER TABLE "Subscription" ADD CONSTRAINT "Subscription_canceled_has_date" CHECK ("status" <> 'canceled' OR "canceledAt" IS NOT NULL);

-- Portal sessions and logins.
ALTER TABLE "PortalSession" ADD CONSTRAINT "PortalSession_flow_subscription" CHECK (("flowType" = 'subscription_cancel') = ("flowSubscriptionId" IS NOT NULL));
ALTER TABLE "PortalSession" ADD CONSTRAINT "PortalSession_expiry_after_creation" CHECK ("expiresAt" > "createdAt");
ALTER TABLE "PortalLogin" ADD CONSTRAINT "PortalLogin_cookie_hash" CHECK ("cookieHash" ~ '^[0-9a-f]{64}$');
-- Opening a link again while one login is active replaces it: one active login per customer.
CREATE UNIQUE INDEX "PortalLogin_one_active_per_customer" ON "PortalLogin" ("accountId", "customerId") WHERE "endedAt" IS NULL;

-- Idempotency, rate limits, webhooks.
ALTER TABLE "IdempotencyRecord" ADD CONSTRAINT "IdempotencyRecord_key_length" CHECK (char_length("key") BETWEEN 1 AND 255);
ALTER TABLE "RateLimitCounter" ADD CONSTRAINT "RateLimitCounter_count_nonnegative" CHECK ("count" >= 0);
ALTER TABLE "WebhookDelivery" ADD CONSTRAINT "WebhookDelivery_attempts_nonnegative" CHECK ("attemptCount" >= 0);
-- The outbox: events the worker has not fanned out yet, oldest first.
CREATE INDEX "Event_undispatched" ON "Event" ("createdAt") WHERE "dispatchedAt" IS NULL;
-- Deliveries due for an attempt.
CREATE INDEX "WebhookDelivery_due" ON "WebhookDelivery" ("nextAttemptAt") WHERE "status" = 'pending';
