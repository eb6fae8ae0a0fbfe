// Test fixture: customers that belong to one test each, cloned from a demo customer (same plan, cards
// and history). A customer has one active login, so tests that logged in the same customer at once
// would replace each other's logins. Usage: <accountId> <label>=<demo template>[@<days ago>][:<currency>] …,
// where days ago sets the clone's history back (a period that has already ended) and a currency
// replaces the template's (same amounts in minor units); prints ids as JSON.
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
      const [, template, daysAgo = '0', currency] = /^([^@:]+)(?:@(\d+))?(?::([A-Z]{3}))?$/.exec(rest)! as unknown as [string, keyof typeof DEMO_CUSTOMERS, string?, string?];
      const like = DEMO_CUSTOMERS[template];
      const plan = like.plan && { ...like.plan, ...(currency ? { currency } : {}), numberPrefix: `T${label.toUpperCase()}` };
      ids[label] = await ensureCustomer(tx, accountId!, { ...like, plan, externalId: `test_${label}`, email: `${label.toLowerCase()}@example.com`, name: label }, new Date(Date.now() - Number(daysAgo) * 86_400_000));
    }
  },
  { timeout: 60_000 },
);
await closeDb();
console.log(JSON.stringify(ids));
