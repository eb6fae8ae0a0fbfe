// Bench fixture: <accountId> <count> customers, each with a Visa card and a monthly €12.00
// subscription whose period ended a minute ago: a day of renewals waiting for the billing engine.
// Written in bulk (10,000 rows a statement), so that 100,000 take seconds. Prints the count.
import { getConfig } from '../config/get-config';
import { applyMigrations } from '../db/apply-migrations';
import { closeDb, getDb } from '../db/get-db';
import { newId } from '../ids/new-id';
import { createTestProcessor } from '../payments/test-processor';

const [accountId, countText] = process.argv.slice(2);
const count = Number(countText);
if (!accountId || !Number.isInteger(count) || count < 1) {
  console.error('usage: create-due-subscriptions.ts <accountId> <count>');
  process.exit(2);
}
const db = getDb();
await applyMigrations(db.sql);
const { masterKey, dataDir } = getConfig();
const saved = await createTestProcessor(masterKey, dataDir).saveCard({ number: '4242424242424242', expMonth: 12, expYear: new Date().getUTCFullYear() + 3, cvc: '123' });
if (saved.ok !== true) throw new Error('the test processor refused the bench card');
const { card } = saved;

const periodEnd = new Date(Date.now() - 60_000);
const periodStart = new Date(periodEnd.getTime() - 30 * 86_400_000);
const productId = newId('product');
const priceId = newId('price');
await db.prisma.product.create({ data: { id: productId, accountId, name: 'Bench plan' } });
await db.prisma.price.create({ data: { id: priceId, accountId, productId, currency: 'EUR', unitAmount: 1200n, interval: 'month' } });

const CHUNK = 10_000;
for (let from = 0; from < count; from += CHUNK) {
  const n = Math.min(CHUNK, count - from);
  const customers = Array.from({ length: n }, () => newId('customer'));
  const cards = customers.map(() => newId('paymentMethod'));
  const subscriptions = customers.map(() => newId('subscription'));
  const items = customers.map(() => newId('subscriptionItem'));
  const emails = customers.map((_, i) => `renewal-${from + i}@bench.example`);
  await db.prisma.$transaction([
    db.prisma.$executeRaw`INSERT INTO "Customer" ("id", "accountId", "email") SELECT c, ${accountId}, e FROM unnest(${customers}::text[], ${emails}::text[]) AS t(c, e)`,
    db.prisma.$executeRaw`
      INSERT INTO "PaymentMethod" ("id", "accountId", "customerId", "cardBrand", "cardLast4", "expMonth", "expYear", "fingerprint", "isDefault")
      SELECT p, ${accountId}, c, ${card.brand}, ${card.last4}, ${card.expMonth}, ${card.expYear}, ${card.fingerprint}, true FROM unnest(${cards}::text[], ${customers}::text[]) AS t(p, c)`,
    db.prisma.$executeRaw`
      INSERT INTO "Subscription" ("id", "accountId", "customerId", "status", "currency", "currentPeriodStart", "currentPeriodEnd", "billingCycleAnchor", "defaultPaymentMethodId", "createdAt")
      SELECT s, ${accountId}, c, 'active', 'EUR', ${periodStart}, ${periodEnd}, ${periodEnd}, p, ${periodStart} FROM unnest(${subscriptions}::text[], ${customers}::text[], ${cards}::text[]) AS t(s, c, p)`,
    db.prisma.$executeRaw`
      INSERT INTO "SubscriptionItem" ("id", "accountId", "subscriptionId", "priceId", "quantity")
      SELECT i, ${accountId}, s, ${priceId}, 1 FROM unnest(${items}::text[], ${subscriptions}::text[]) AS t(i, s)`,
  ]);
}
await closeDb();
console.log(JSON.stringify({ count, priceId }));
