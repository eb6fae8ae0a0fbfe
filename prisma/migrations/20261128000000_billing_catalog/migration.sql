-- The billing API's catalog (docs/api.md): metadata on every object, one-time prices, tax behaviour,
-- lookup keys, coupons, deleted customers kept for the books.

CREATE TYPE "TaxBehavior" AS ENUM ('exclusive', 'inclusive');
CREATE TYPE "CouponDuration" AS ENUM ('once', 'repeating', 'forever');

-- A customer's locales become a list in order of preference, as the API takes them.
ALTER TABLE "Customer" ADD COLUMN "preferredLocales" TEXT[] NOT NULL DEFAULT ARRAY[]::TEXT[];
UPDATE "Customer" SET "preferredLocales" = ARRAY["preferredLocale"] WHERE "preferredLocale" IS NOT NULL;
ALTER TABLE "Customer" DROP COLUMN "preferredLocale";
ALTER TABLE "Customer" ADD COLUMN "metadata" JSONB NOT NULL DEFAULT '{}';
ALTER TABLE "Customer" ADD COLUMN "deletedAt" TIMESTAMP(3);

ALTER TABLE "Product" ADD COLUMN "metadata" JSONB NOT NULL DEFAULT '{}';

ALTER TABLE "Price" ALTER COLUMN "interval" DROP NOT NULL;
ALTER TABLE "Price" ADD COLUMN "taxBehavior" "TaxBehavior" NOT NULL DEFAULT 'exclusive';
ALTER TABLE "Price" ADD COLUMN "nickname" TEXT;
ALTER TABLE "Price" ADD COLUMN "lookupKey" TEXT;
ALTER TABLE "Price" ADD COLUMN "metadata" JSONB NOT NULL DEFAULT '{}';
CREATE UNIQUE INDEX "Price_accountId_lookupKey_key" ON "Price"("accountId", "lookupKey");
ALTER TABLE "Price" ADD CONSTRAINT "Price_unitAmount_range" CHECK ("unitAmount" >= 0);
ALTER TABLE "Price" ADD CONSTRAINT "Price_intervalCount_range" CHECK ("intervalCount" >= 1);

ALTER TABLE "TaxRate" ADD COLUMN "description" TEXT;
ALTER TABLE "TaxRate" ADD COLUMN "metadata" JSONB NOT NULL DEFAULT '{}';

CREATE TABLE "Coupon" (
    "id" TEXT NOT NULL,
    "accountId" TEXT NOT NULL,
    "name" TEXT,
    "percentOff" INTEGER,
    "amountOff" BIGINT,
    "currency" TEXT,
    "duration" "CouponDuration" NOT NULL,
    "durationInMonths" INTEGER,
    "maxRedemptions" INTEGER,
    "redeemBy" TIMESTAMP(3),
    "timesRedeemed" INTEGER NOT NULL DEFAULT 0,
    "metadata" JSONB NOT NULL DEFAULT '{}',
    "deletedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Coupon_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "Coupon_id_format" CHECK ("id" ~ '^cpn_[0-9A-HJKMNP-TV-Z]{26}$'),
    -- Exactly one kind of discount: a percentage, or an amount in one currency.
    CONSTRAINT "Coupon_one_discount" CHECK (
      ("percentOff" IS NOT NULL AND "percentOff" > 0 AND "percentOff" <= 1000000 AND "amountOff" IS NULL AND "currency" IS NULL)
      OR ("percentOff" IS NULL AND "amountOff" IS NOT NULL AND "amountOff" > 0 AND "currency" IS NOT NULL)
    ),
    CONSTRAINT "Coupon_months_when_repeating" CHECK (("duration" = 'repeating') = ("durationInMonths" IS NOT NULL)),
    CONSTRAINT "Coupon_redemptions" CHECK ("timesRedeemed" >= 0 AND ("maxRedemptions" IS NULL OR "timesRedeemed" <= "maxRedemptions"))
);
CREATE INDEX "Coupon_accountId_createdAt_idx" ON "Coupon"("accountId", "createdAt");
CREATE UNIQUE INDEX "Coupon_accountId_id_key" ON "Coupon"("accountId", "id");
ALTER TABLE "Coupon" ADD CONSTRAINT "Coupon_accountId_fkey" FOREIGN KEY ("accountId") REFERENCES "Account"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Keys that hold every scope there was (full-access keys, the demo's among them) keep holding every
-- scope; narrower keys gain nothing.
UPDATE "ApiKey" SET "scopes" = "scopes" || ARRAY['plugipay:billing:read', 'plugipay:billing:write']
WHERE "scopes" @> ARRAY['plugipay:portal:create', 'plugipay:settings:read', 'plugipay:settings:write', 'plugipay:webhooks:write', 'plugipay:events:read']
  AND NOT ("scopes" && ARRAY['plugipay:billing:read', 'plugipay:billing:write']);
