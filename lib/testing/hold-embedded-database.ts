// Test fixture: opens the embedded database in DATA_DIR, writes one account, says "ready", and
// holds the database until SIGTERM, when it closes it cleanly, as the server does.
import { applyMigrations } from '../db/apply-migrations';
import { openDatabase } from '../db/open-database';
import { defaultInvoicePrefix } from '../accounts/new-account';

const db = openDatabase({ dataDir: process.env.DATA_DIR! });
await applyMigrations(db.sql);
await db.prisma.account.upsert({
  where: { id: process.env.HOLDER_ACCOUNT_ID! },
  update: {},
  create: { id: process.env.HOLDER_ACCOUNT_ID!, name: 'Held', invoicePrefix: defaultInvoicePrefix(process.env.HOLDER_ACCOUNT_ID!) },
});
console.log('ready');
process.on('SIGTERM', async () => {
  await db.close();
  process.exit(0);
});
setInterval(() => undefined, 1 << 30);
