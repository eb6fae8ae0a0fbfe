-- Stored replies held secrets (webhook signing secrets, live portal links) in clear: they are now
-- encrypted. Records live 24 h and hold nothing that can be re-encrypted honestly, so they go.
DELETE FROM "IdempotencyRecord";
ALTER TABLE "IdempotencyRecord" DROP COLUMN "responseBody";
ALTER TABLE "IdempotencyRecord" ADD COLUMN "responseCiphertext" TEXT;
ALTER TABLE "IdempotencyRecord" ADD COLUMN "keyAccountId" TEXT NOT NULL;
ALTER TABLE "IdempotencyRecord" ADD COLUMN "claimedUntil" TIMESTAMP(3) NOT NULL;
DROP INDEX "IdempotencyRecord_accountId_key_key";
CREATE UNIQUE INDEX "IdempotencyRecord_accountId_keyAccountId_key_key" ON "IdempotencyRecord"("accountId", "keyAccountId", "key");
