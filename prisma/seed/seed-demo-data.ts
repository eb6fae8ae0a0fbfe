import 'server-only';
import { createApiKey } from '../../lib/api-keys/create-api-key';
import { revealApiKeySecret } from '../../lib/api-keys/reveal-api-key-secret';
import { API_SCOPES, type TApiScope } from '../../lib/api-keys/scopes';
import type { Prisma } from '../../lib/db/generated/client';
import { getPrisma } from '../../lib/db/get-db';
import { runEngineThrough } from '../../lib/billing-engine/run-engine';
import { updateSubscription } from '../../lib/subscriptions/manage-subscriptions';
import { newId } from '../../lib/ids/new-id';
import { addInterval } from '../../lib/billing-engine/add-interval';
import { pastInvoices } from './past-invoices';
import { importRecord, type TImportRecord } from '../../lib/import/import-records';
import { importInvoices } from '../../lib/import/import-invoice';
import { DEMO_ACCOUNTS, DEMO_CUSTOMERS, type TDemoCustomer } from './demo-fixtures';
import { fixedId } from './fixed-id';

type Tx = Prisma.TransactionClient;

export type TDemoCredentials = {
  baseUrl: string;
  merchant: { accountId: string; keyId: string; secret: string };
  otherMerchant: { accountId: string; keyId: string; secret: string };
  noScopeKey: { keyId: string; secret: string };
  platform: { accountId: string; keyId: string; secret: string; managedAccountId: string };
  customers: Record<'active' | 'canceling' | 'manyInvoices' | 'noPaymentMethod' | 'idr' | 'otherMerchant', string>;
};

const ACCOUNT_IDS = {
  merchant: fixedId('account', 'demo-merchant'),
  otherMerchant: fixedId('account', 'demo-other-merchant'),
  platform: fixedId('account', 'demo-platform'),
};

/**
 * Writes the demo data of ../shared/CONTRACT.md "Demo data" into the process's database.
 * Idempotent: each piece is found by a stable key (fixed account ids, key names, customers'
 * external ids) and created only when missing, all in one transaction, so a second run changes
 * nothing and a failed run leaves nothing; then the billing engine runs the new subscriptions'
 * periods up to `now`, so that their invoices and payments are the engine's own.
 */
export async function seedDemoData({ masterKey, baseUrl, now = new Date() }: { masterKey: Buffer; baseUrl: string; now?: Date }): Promise<TDemoCredentials> {
  const { credentials, histories } = await getPrisma().$transaction(
    async (tx) => {
      await upsertAccounts(tx);
      const key = (accountId: string, name: string, scopes: readonly TApiScope[]) =>
        ensureApiKey(tx, { accountId, name, scopes, masterKey });
      const merchantKey = await key(ACCOUNT_IDS.merchant, 'Demo merchant key', API_SCOPES);
      const otherKey = await key(ACCOUNT_IDS.otherMerchant, 'Demo merchant key', API_SCOPES);
      const noScopeKey = await key(ACCOUNT_IDS.merchant, 'Demo key without scopes', []);
      const platformKey = await key(ACCOUNT_IDS.platform, 'Demo platform key', API_SCOPES);

      const customers = {} as TDemoCredentials['customers'];
      const histories: TEngineHistory[] = [];
      for (const [name, customer] of Object.entries(DEMO_CUSTOMERS) as [keyof typeof DEMO_CUSTOMERS, TDemoCustomer][]) {
        const ensured = await ensureCustomer(tx, ACCOUNT_IDS[customer.account], customer, now);
        customers[name] = ensured.customerId;
        if (ensured.history) histories.push(ensured.history);
      }
      const credentials: TDemoCredentials = {
        baseUrl,
        merchant: { accountId: ACCOUNT_IDS.merchant, ...merchantKey },
        otherMerchant: { accountId: ACCOUNT_IDS.otherMerchant, ...otherKey },
        noScopeKey,
        platform: { accountId: ACCOUNT_IDS.platform, ...platformKey, managedAccountId: ACCOUNT_IDS.merchant },
        customers,
      };
      return { credentials, histories };
    },
    { timeout: 120_000, maxWait: 10_000 },
  );
  await runEngineHistories(histories, now);
  return credentials;
}

/** A demo subscription just brought over, whose periods since the billing engine is to run. */
type TEngineHistory = { accountId: string; customerId: string; subscriptionId: string; cancelAtPeriodEnd: boolean };

/**
 * The engine renews and charges the new demo subscriptions at each of their period ends up to
 * `now`, all of them in time order (the account's invoice and receipt numbers follow the calendar,
 * as they would have). It runs once the customers are committed: the engine works in transactions
 * of its own. Only the customers made by this run, so that no one else's billing is run in the
 * past; a second run makes none. A cancellation the customer asked for comes last, at `now`.
 */
async function runEngineHistories(histories: readonly TEngineHistory[], now: Date): Promise<void> {
  if (histories.length === 0) return;
  await runEngineThrough({ clockId: null, customerIds: histories.map((h) => h.customerId) }, now);
  for (const h of histories.filter((h) => h.cancelAtPeriodEnd)) await updateSubscription(h.accountId, h.subscriptionId, { cancelAtPeriodEnd: true }, now);
}

async function upsertAccounts(tx: Tx) {
  // The platform first: the merchant it manages points at it.
  for (const name of ['platform', 'merchant', 'otherMerchant'] as const) {
    const { branding: { address, ...branding }, portal, ...account } = DEMO_ACCOUNTS[name];
    const id = ACCOUNT_IDS[name];
    const platformAccountId = name === 'merchant' ? ACCOUNT_IDS.platform : null;
    await tx.account.upsert({ where: { id }, update: {}, create: { id, ...account, platformAccountId, createdAt: new Date(Date.UTC(2024, 0, 15)) } });
    await tx.checkoutSettings.upsert({ where: { accountId: id }, update: {}, create: { accountId: id, ...branding, address } });
    await tx.portalConfiguration.upsert({ where: { accountId: id }, update: {}, create: { accountId: id, ...portal } });
  }
}

async function ensureApiKey(
  tx: Tx,
  input: { accountId: string; name: string; scopes: readonly TApiScope[]; masterKey: Buffer },
): Promise<{ keyId: string; secret: string }> {
  const existing = await tx.apiKey.findFirst({ where: { accountId: input.accountId, name: input.name, revokedAt: null } });
  if (existing) return { keyId: existing.id, secret: revealApiKeySecret(existing, input.masterKey) };
  return createApiKey(tx, input);
}

/**
 * A demo customer with their cards, plan and history, brought in as a merchant's book of business
 * is (`npm run import`): the same functions and checks, in the seed's transaction. The cards are
 * written as the processor would hold them: no API or file takes a card number.
 */
export async function ensureCustomer(tx: Tx, accountId: string, c: TDemoCustomer, now: Date): Promise<{ customerId: string; history?: TEngineHistory }> {
  const existing = await tx.customer.findUnique({ where: { accountId_externalId: { accountId, externalId: c.externalId } } });
  if (existing) return { customerId: existing.id };
  const bring = async (record: TImportRecord, at = now) => {
    const outcome = await importRecord(accountId, record, { tx, now: at });
    if (outcome.outcome === 'failed') throw new Error(`demo ${record.object} ${record.id}: ${outcome.reason}`);
    return outcome.id;
  };

  const customerId = await bring({
    object: 'customer',
    id: c.externalId,
    email: c.email,
    name: c.name,
    ...(c.preferredLocale ? { preferredLocales: [c.preferredLocale] } : {}),
    ...(c.phone ? { phone: c.phone } : {}),
    ...(c.address ? { address: c.address } : {}),
    ...(c.taxIds ? { taxIds: c.taxIds } : {}),
  });
  const cards = c.cards.map((card, i) => ({
    id: newId('paymentMethod'),
    accountId,
    customerId,
    cardBrand: card.brand,
    cardLast4: card.last4,
    expMonth: card.expMonth,
    expYear: now.getUTCFullYear() + card.yearsToExpiry,
    fingerprint: `fp_demo_${c.externalId}_${i}`,
    cardholderName: c.name,
    isDefault: i === 0,
  }));
  if (cards.length > 0) await tx.paymentMethod.createMany({ data: cards });
  if (!c.plan) return { customerId };

  const { plan } = c;
  const product = `${c.externalId}-product`;
  const price = `${c.externalId}-price`;
  const subscription = `${c.externalId}-subscription`;
  await bring({ object: 'product', id: product, name: plan.product });
  await bring({ object: 'price', id: price, product, currency: plan.currency, unitAmount: plan.unitAmount, recurring: { interval: plan.interval, intervalCount: 1 } });
  const taxRate = plan.taxRate && (await ensureTaxRate(plan.taxRate, bring, tx));
  // The current period started a little while ago, so that the next charge is a few weeks out.
  const currentPeriodStart = addInterval(now, plan.interval, 0);
  currentPeriodStart.setUTCDate(currentPeriodStart.getUTCDate() - (plan.interval === 'month' ? 9 : plan.interval === 'week' ? 2 : 0));
  currentPeriodStart.setUTCHours(0, 0, 0, 0);
  const { history } = plan;
  // Brought over one period before the first invoice the engine makes (that period was paid elsewhere).
  const since = history.from === 'engine' ? addInterval(currentPeriodStart, plan.interval, -plan.periods) : currentPeriodStart;
  const subscriptionId = await bring(
    {
      object: 'subscription',
      id: subscription,
      customer: c.externalId,
      items: [{ price }],
      ...(taxRate ? { taxRates: [taxRate.id] } : {}),
      currentPeriodStart: since.toISOString(),
      currentPeriodEnd: addInterval(since, plan.interval, 1).toISOString(),
      ...(plan.cancelAtPeriodEnd && history.from === 'imported' ? { cancelAtPeriodEnd: true } : {}),
    },
    since,
  );
  if (history.from === 'engine') return { customerId, history: { accountId, customerId, subscriptionId, cancelAtPeriodEnd: Boolean(plan.cancelAtPeriodEnd) } };

  const past = pastInvoices({
    customer: c.externalId,
    subscription,
    price,
    description: plan.product,
    currency: plan.currency,
    unitAmount: plan.unitAmount,
    taxRate,
    interval: plan.interval,
    periods: plan.periods,
    currentPeriodStart,
    card: { brand: c.cards[0]!.brand, last4: c.cards[0]!.last4 },
    numberPrefix: history.numberPrefix,
    lastOpen: history.lastOpen,
  });
  const outcomes = await importInvoices(accountId, past, { tx, now });
  const refused = outcomes.findIndex((o) => o.outcome === 'failed');
  if (refused >= 0) throw new Error(`demo invoice ${past[refused]!.id}: ${(outcomes[refused] as { reason: string }).reason}`);
  return { customerId };
}

// One rate per name and percentage in an account: the demo's customers share their VAT and PPN.
async function ensureTaxRate(rate: TDemoTaxRate, bring: (record: TImportRecord) => Promise<string>, tx: Tx) {
  const id = `demo-${rate.displayName}-${rate.percentage}-${rate.inclusive ? 'inclusive' : 'exclusive'}`.toLowerCase();
  return { id, terms: await tx.taxRate.findUniqueOrThrow({ where: { id: await bring({ object: 'taxRate', id, ...rate }) } }) };
}

type TDemoTaxRate = NonNullable<NonNullable<TDemoCustomer['plan']>['taxRate']>;
