// Test fixture: customers that belong to one test each, cloned from a demo customer (same plan, cards
// and history, imported). A customer has one active login, so tests that logged in the same customer at once
// would replace each other's logins. Usage: <accountId> <label>=<template>[@<days ago>][:<currency>][#<periods>] …,
// where days ago sets the clone's history back (a period that has already ended), a currency
// replaces the template's (same amounts in minor units) and #<n> makes a daily history of n
// periods (the bench's 10,000-invoice customer); prints ids as JSON.
import { applyMigrations } from '../db/apply-migrations';
import { closeDb, getDb } from '../db/get-db';
import { DEMO_CUSTOMERS } from '../../prisma/seed/demo-fixtures';
import { ensureCustomer } from '../../prisma/seed/seed-demo-data';

const [accountId, ...specs] = process.argv.slice(2);
const db = getDb();
await applyMigrations(db.sql);
const ids: Record<string, string> = {};
await db.prisma.$transaction(
  async (tx) => {
    for (const spec of specs) {
      const [label, rest] = spec.split('=') as [string, string];
      const [, template, daysAgo = '0', currency, periods] = /^([^@:#]+)(?:@(\d+))?(?::([A-Z]{3}))?(?:#(\d+))?$/.exec(rest)! as unknown as [string, keyof typeof DEMO_CUSTOMERS, string?, string?, string?];
      const like = DEMO_CUSTOMERS[template];
      // A number of periods makes a daily history that long (the bench's 10,000-invoice customer).
      const daily = periods ? { periods: Number(periods), interval: 'day' as const } : {};
      // Their history is imported whatever the template's: no engine runs here, and tests read it as of the days ago given.
      const lastOpen = like.plan?.history.from === 'imported' && like.plan.history.lastOpen;
      const plan = like.plan && { ...like.plan, ...daily, ...(currency ? { currency } : {}), history: { from: 'imported' as const, numberPrefix: `T${label.toUpperCase()}`, lastOpen } };
      ids[label] = (await ensureCustomer(tx, accountId!, { ...like, plan, externalId: `test_${label}`, email: `${label.toLowerCase()}@example.com`, name: label }, new Date(Date.now() - Number(daysAgo) * 86_400_000))).customerId;
    }
  },
  { timeout: 60_000 },
);
await closeDb();
console.log(JSON.stringify(ids));
