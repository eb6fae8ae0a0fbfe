import 'server-only';
import { createApiKey } from '../../lib/api-keys/create-api-key';
import { revealApiKeySecret } from '../../lib/api-keys/reveal-api-key-secret';
import { API_SCOPES, type TApiScope } from '../../lib/api-keys/scopes';
import type { PrismaClient, Prisma } from '../../lib/db/generated/client';
import { parseTaxPercentage } from '../../lib/billing/invoice-math/tax-percentage';
import { newId } from '../../lib/ids/new-id';
import { addInterval } from '../../lib/billing-engine/add-interval';
import { buildBillingHistory } from './build-billing-history';
import { DEMO_ACCOUNTS, DEMO_CUSTOMERS, type TDemoCustomer } from './demo-fixtures';
import { fixedId } from './fixed-id';
import { defaultInvoicePrefix } from '../../lib/accounts/new-account';

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
 * Writes the demo data of ../shared/CONTRACT.md "Demo data". Idempotent: each piece is found by
 * a stable key (fixed account ids, key names, customers' external ids) and created only when
 * missing, all in one transaction, so a second run changes nothing and a failed run leaves nothing.
 */
export async function seedDemoData(
  prisma: PrismaClient,
  { masterKey, baseUrl, now = new Date() }: { masterKey: Buffer; baseUrl: string; now?: Date },
): Promise<TDemoCredentials> {
  return prisma.$transaction(
    async (tx) => {
      await upsertAccounts(tx);
      const key = (accountId: string, name: string, scopes: readonly TApiScope[]) =>
        ensureApiKey(tx, { accountId, name, scopes, masterKey });
      const merchantKey = await key(ACCOUNT_IDS.merchant, 'Demo merchant key', API_SCOPES);
      const otherKey = await key(ACCOUNT_IDS.otherMerchant, 'Demo merchant key', API_SCOPES);
      const noScopeKey = await key(ACCOUNT_IDS.merchant, 'Demo key without scopes', []);
      const platformKey = await key(ACCOUNT_IDS.platform, 'Demo platform key', API_SCOPES);

      const customers = {} as TDemoCredentials['customers'];
      for (const [name, customer] of Object.entries(DEMO_CUSTOMERS) as [keyof typeof DEMO_CUSTOMERS, TDemoCustomer][]) {
        customers[name] = await ensureCustomer(tx, ACCOUNT_IDS[customer.account], customer, now);
      }
      return {
        baseUrl,
        merchant: { accountId: ACCOUNT_IDS.merchant, ...merchantKey },
        otherMerchant: { accountId: ACCOUNT_IDS.otherMerchant, ...otherKey },
        noScopeKey,
        platform: { accountId: ACCOUNT_IDS.platform, ...platformKey, managedAccountId: ACCOUNT_IDS.merchant },
        customers,
      };
    },
    { timeout: 120_000, maxWait: 10_000 },
  );
}

async function upsertAccounts(tx: Tx) {
  // The platform first: the merchant it manages points at it.
  for (const name of ['platform', 'merchant', 'otherMerchant'] as const) {
    const { branding: { address, ...branding }, portal, ...account } = DEMO_ACCOUNTS[name];
    const id = ACCOUNT_IDS[name];
    const platformAccountId = name === 'merchant' ? ACCOUNT_IDS.platform : null;
    await tx.account.upsert({ where: { id }, update: {}, create: { id, ...account, platformAccountId, invoicePrefix: defaultInvoicePrefix(id), createdAt: new Date(Date.UTC(2024, 0, 15)) } });
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

export async function ensureCustomer(tx: Tx, accountId: string, c: TDemoCustomer, now: Date): Promise<string> {
  const existing = await tx.customer.findUnique({ where: { accountId_externalId: { accountId, externalId: c.externalId } } });
  if (existing) return existing.id;

  const customerId = newId('customer');
  await tx.customer.create({
    data: {
      id: customerId,
      accountId,
      email: c.email,
      name: c.name,
      externalId: c.externalId,
      preferredLocales: c.preferredLocale ? [c.preferredLocale] : [],
      phone: c.phone ?? null,
      address: c.address,
      taxIds: c.taxIds ?? [],
    },
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
  if (!c.plan) return customerId;

  const { plan } = c;
  const productId = newId('product');
  const priceId = newId('price');
  await tx.product.create({ data: { id: productId, accountId, name: plan.product } });
  await tx.price.create({
    data: { id: priceId, accountId, productId, currency: plan.currency, unitAmount: plan.unitAmount, interval: plan.interval },
  });
  // The current period started a little while ago, so that the next charge is a few weeks out.
  const currentPeriodStart = addInterval(now, plan.interval, 0);
  currentPeriodStart.setUTCDate(currentPeriodStart.getUTCDate() - (plan.interval === 'month' ? 9 : plan.interval === 'week' ? 2 : 0));
  currentPeriodStart.setUTCHours(0, 0, 0, 0);
  const taxRates = plan.taxRate ? [await ensureTaxRate(tx, accountId, plan.taxRate)] : [];
  const subscriptionId = newId('subscription');
  await tx.subscription.create({
    data: {
      id: subscriptionId,
      accountId,
      customerId,
      status: 'active',
      currency: plan.currency,
      items: { create: [{ id: newId('subscriptionItem'), priceId, quantity: 1 }] },
      currentPeriodStart,
      currentPeriodEnd: addInterval(currentPeriodStart, plan.interval, 1),
      billingCycleAnchor: currentPeriodStart,
      defaultPaymentMethodId: cards[0]?.id ?? null,
      createdAt: addInterval(currentPeriodStart, plan.interval, -(plan.periods - 1)),
      ...(plan.cancelAtPeriodEnd
        ? { cancelAtPeriodEnd: true, canceledAt: new Date(now.getTime() - 86_400_000), cancellationReason: 'too_expensive' }
        : {}),
      defaultTaxRates: { create: taxRates.map((r, position) => ({ accountId, taxRateId: r.id, position })) },
    },
  });
  const card = cards[0]!;
  const history = buildBillingHistory({
    accountId,
    customer: { id: customerId, name: c.name, email: c.email, address: c.address ?? null, taxIds: c.taxIds ?? [] },
    subscriptionId,
    priceId,
    description: plan.product,
    currency: plan.currency,
    unitAmount: plan.unitAmount,
    taxRates,
    interval: plan.interval,
    periods: plan.periods,
    currentPeriodStart,
    card: { paymentMethodId: card.id, brand: card.cardBrand, last4: card.cardLast4 },
    numberPrefix: plan.numberPrefix,
    lastOpen: plan.lastOpen,
  });
  await tx.invoice.createMany({ data: history.invoices });
  await tx.invoiceLine.createMany({ data: history.lines });
  await tx.invoiceLineTax.createMany({ data: history.lineTaxes });
  await tx.payment.createMany({ data: history.payments });
  return customerId;
}

// One rate per name and percentage in an account: the demo's customers share their VAT and PPN.
async function ensureTaxRate(tx: Tx, accountId: string, rate: NonNullable<NonNullable<TDemoCustomer['plan']>['taxRate']>) {
  const percentage = parseTaxPercentage(rate.percentage);
  if (percentage === null) throw new Error(`demo tax rate ${rate.percentage} is not a percentage`);
  const found = await tx.taxRate.findFirst({ where: { accountId, displayName: rate.displayName, percentage, inclusive: rate.inclusive } });
  return (
    found ??
    tx.taxRate.create({
      data: { id: newId('taxRate'), accountId, displayName: rate.displayName, percentage, inclusive: rate.inclusive, country: rate.country, createdAt: new Date(Date.UTC(2024, 0, 15)) },
    })
  );
}
