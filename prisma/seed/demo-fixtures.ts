import type { Prisma } from '../../lib/db/generated/client';

type TDemoAccount = {
  name: string;
  kind: 'merchant' | 'platform';
  branding: Omit<Prisma.CheckoutSettingsUncheckedCreateInput, 'accountId'>;
  portal: Omit<Prisma.PortalConfigurationUncheckedCreateInput, 'accountId'>;
};

// Two merchants with different branding and portal settings, and the platform that manages the first.
export const DEMO_ACCOUNTS: Record<'merchant' | 'otherMerchant' | 'platform', TDemoAccount> = {
  merchant: {
    name: 'Acme Cloud',
    kind: 'merchant',
    branding: {
      displayName: 'Acme Cloud',
      brandColor: '#4338ca',
      accentColor: '#0f766e',
      supportEmail: 'support@acme-cloud.example',
      supportUrl: 'https://acme-cloud.example/support',
      termsUrl: 'https://acme-cloud.example/terms',
      privacyUrl: 'https://acme-cloud.example/privacy',
    },
    portal: { subscriptionCancelMode: 'at_period_end', defaultLocale: 'en' },
  },
  otherMerchant: {
    name: 'Kopi Nusantara',
    kind: 'merchant',
    branding: {
      displayName: 'Kopi Nusantara',
      brandColor: '#9a3412',
      accentColor: '#166534',
      supportEmail: 'halo@kopi-nusantara.example',
      supportUrl: 'https://kopi-nusantara.example/bantuan',
      termsUrl: 'https://kopi-nusantara.example/syarat',
      privacyUrl: 'https://kopi-nusantara.example/privasi',
    },
    portal: { subscriptionCancelMode: 'immediately', defaultLocale: 'id' },
  },
  platform: {
    name: 'Forjio Platform',
    kind: 'platform',
    branding: { displayName: 'Forjio Platform' },
    portal: {},
  },
};

export type TDemoCustomer = {
  account: 'merchant' | 'otherMerchant';
  externalId: string;
  email: string;
  name: string;
  preferredLocale?: string;
  cards: { brand: string; last4: string; expMonth: number; yearsToExpiry: number }[];
  plan?: {
    product: string;
    currency: string;
    unitAmount: bigint;
    interval: 'week' | 'month';
    taxBasisPoints: number;
    periods: number;
    numberPrefix: string;
    cancelAtPeriodEnd?: boolean;
    lastOpen?: boolean;
  };
};

export const DEMO_CUSTOMERS: Record<
  'active' | 'canceling' | 'manyInvoices' | 'noPaymentMethod' | 'idr' | 'otherMerchant',
  TDemoCustomer
> = {
  active: {
    account: 'merchant',
    externalId: 'demo_active',
    email: 'ava.active@example.com',
    name: 'Ava Active',
    cards: [{ brand: 'visa', last4: '4242', expMonth: 12, yearsToExpiry: 3 }],
    plan: { product: 'Acme Cloud Pro', currency: 'USD', unitAmount: 2900n, interval: 'month', taxBasisPoints: 0, periods: 6, numberPrefix: 'ACME1001' },
  },
  canceling: {
    account: 'merchant',
    externalId: 'demo_canceling',
    email: 'cole.canceling@example.com',
    name: 'Cole Canceling',
    cards: [{ brand: 'mastercard', last4: '4444', expMonth: 8, yearsToExpiry: 2 }],
    plan: {
      product: 'Acme Cloud Team',
      currency: 'USD',
      unitAmount: 9900n,
      interval: 'month',
      taxBasisPoints: 0,
      periods: 3,
      numberPrefix: 'ACME1002',
      cancelAtPeriodEnd: true,
    },
  },
  manyInvoices: {
    account: 'merchant',
    externalId: 'demo_many_invoices',
    email: 'mia.many@example.com',
    name: 'Mia Many',
    cards: [
      { brand: 'amex', last4: '0005', expMonth: 3, yearsToExpiry: 4 },
      // Expires this year: the portal warns about it.
      { brand: 'visa', last4: '1111', expMonth: 12, yearsToExpiry: 0 },
    ],
    plan: {
      product: 'Acme Cloud Starter (weekly)',
      currency: 'EUR',
      unitAmount: 1200n,
      interval: 'week',
      taxBasisPoints: 2100,
      periods: 250,
      numberPrefix: 'ACME1003',
      lastOpen: true,
    },
  },
  noPaymentMethod: {
    account: 'merchant',
    externalId: 'demo_no_payment_method',
    email: 'noah.nocard@example.com',
    name: 'Noah Nocard',
    cards: [],
  },
  idr: {
    account: 'merchant',
    externalId: 'demo_idr',
    email: 'budi.santoso@example.co.id',
    name: 'Budi Santoso',
    preferredLocale: 'id',
    cards: [{ brand: 'visa', last4: '1881', expMonth: 6, yearsToExpiry: 2 }],
    plan: { product: 'Acme Cloud Pro (Indonesia)', currency: 'IDR', unitAmount: 150000n, interval: 'month', taxBasisPoints: 1100, periods: 4, numberPrefix: 'ACME1004' },
  },
  otherMerchant: {
    account: 'otherMerchant',
    externalId: 'demo_other_merchant',
    email: 'siti.rahma@example.co.id',
    name: 'Siti Rahma',
    preferredLocale: 'id',
    cards: [{ brand: 'mastercard', last4: '5100', expMonth: 1, yearsToExpiry: 3 }],
    plan: { product: 'Langganan Kopi Bulanan', currency: 'IDR', unitAmount: 250000n, interval: 'month', taxBasisPoints: 1100, periods: 5, numberPrefix: 'KOPI2001' },
  },
};
