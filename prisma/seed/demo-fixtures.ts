import type { Prisma } from '../../lib/db/generated/client';

import type { TPostalAddress } from '../../lib/billing/postal-address';
import type { TTaxId } from '../../lib/billing/tax-ids';
import type { TCardBrand } from '../../lib/payments/card-number';

type TDemoAccount = {
  name: string;
  kind: 'merchant' | 'platform';
  /** Its invoices and receipts are numbered ACME-0001, ACME-R0001, … */
  invoicePrefix: string;
  branding: Omit<Prisma.CheckoutSettingsUncheckedCreateInput, 'accountId' | 'address'> & { address?: TPostalAddress };
  portal: Omit<Prisma.PortalConfigurationUncheckedCreateInput, 'accountId'>;
};

// Two merchants with different branding and portal settings, and the platform that manages the first.
export const DEMO_ACCOUNTS: Record<'merchant' | 'otherMerchant' | 'platform', TDemoAccount> = {
  merchant: {
    name: 'Acme Cloud',
    kind: 'merchant',
    invoicePrefix: 'ACME',
    branding: {
      displayName: 'Acme Cloud',
      brandColor: '#4338ca',
      accentColor: '#0f766e',
      supportEmail: 'support@acme-cloud.example',
      supportUrl: 'https://acme-cloud.example/support',
      termsUrl: 'https://acme-cloud.example/terms',
      privacyUrl: 'https://acme-cloud.example/privacy',
      legalName: 'Acme Cloud B.V.',
      address: { line1: 'Keizersgracht 123', line2: null, city: 'Amsterdam', state: null, postalCode: '1015 CJ', country: 'NL' },
      taxId: 'NL123456789B01',
    },
    portal: { subscriptionCancelMode: 'at_period_end', defaultLocale: 'en' },
  },
  otherMerchant: {
    name: 'Kopi Nusantara',
    kind: 'merchant',
    invoicePrefix: 'KOPI',
    branding: {
      displayName: 'Kopi Nusantara',
      brandColor: '#9a3412',
      accentColor: '#166534',
      supportEmail: 'halo@kopi-nusantara.example',
      supportUrl: 'https://kopi-nusantara.example/bantuan',
      termsUrl: 'https://kopi-nusantara.example/syarat',
      privacyUrl: 'https://kopi-nusantara.example/privasi',
      legalName: 'PT Kopi Nusantara Sejahtera',
      address: { line1: 'Jl. Jenderal Sudirman Kav. 52-53', line2: 'Gedung Kopi Lt. 8', city: 'Jakarta Selatan', state: 'DKI Jakarta', postalCode: '12190', country: 'ID' },
      taxId: '01.234.567.8-901.000',
    },
    portal: { subscriptionCancelMode: 'immediately', defaultLocale: 'id' },
  },
  platform: {
    name: 'Forjio Platform',
    kind: 'platform',
    invoicePrefix: 'FORJIO',
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
  phone?: string;
  address?: TPostalAddress;
  taxIds?: TTaxId[];
  cards: { brand: TCardBrand; last4: string; expMonth: number; yearsToExpiry: number }[];
  plan?: {
    product: string;
    currency: string;
    unitAmount: number;
    interval: 'day' | 'week' | 'month';
    /** The subscription's tax rate (percentage as the API takes it). */
    taxRate?: { displayName: string; percentage: string; inclusive: boolean; country: string };
    /** How many periods have been invoiced, the current one included. */
    periods: number;
    cancelAtPeriodEnd?: boolean;
    /**
     * Where those invoices come from. `engine`: the subscription was brought over one period before
     * the first, and the billing engine renewed and charged every period since, as it would have
     * (its numbers, taxes, payments and events). `imported`: all of them brought in as a merchant's
     * past invoices are, with the numbers of the system they come from.
     */
    history: { from: 'engine' } | { from: 'imported'; numberPrefix: string; lastOpen?: boolean };
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
    plan: { product: 'Acme Cloud Pro', currency: 'USD', unitAmount: 2900, interval: 'month', periods: 6, history: { from: 'engine' } },
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
      unitAmount: 9900,
      interval: 'month',
      periods: 3,
      cancelAtPeriodEnd: true,
      history: { from: 'engine' },
    },
  },
  manyInvoices: {
    account: 'merchant',
    externalId: 'demo_many_invoices',
    email: 'mia.many@example.com',
    name: 'Mia Many',
    address: { line1: 'Torstraße 49', line2: null, city: 'Berlin', state: null, postalCode: '10119', country: 'DE' },
    taxIds: [{ type: 'eu_vat', value: 'DE123456789' }],
    cards: [
      { brand: 'amex', last4: '0005', expMonth: 3, yearsToExpiry: 4 },
      // Expires this year: the portal warns about it.
      { brand: 'visa', last4: '1111', expMonth: 12, yearsToExpiry: 0 },
    ],
    plan: {
      product: 'Acme Cloud Starter (weekly)',
      currency: 'EUR',
      unitAmount: 1200,
      interval: 'week',
      taxRate: { displayName: 'VAT', percentage: '21', inclusive: false, country: 'NL' },
      periods: 250,
      history: { from: 'imported', numberPrefix: 'ACME1003', lastOpen: true },
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
    phone: '+62 812 3456 7890',
    address: { line1: 'Jl. Braga No. 10', line2: null, city: 'Bandung', state: 'Jawa Barat', postalCode: '40111', country: 'ID' },
    taxIds: [{ type: 'id_npwp', value: '09.876.543.2-101.000' }],
    cards: [{ brand: 'visa', last4: '1881', expMonth: 6, yearsToExpiry: 2 }],
    plan: {
      product: 'Acme Cloud Pro (Indonesia)',
      currency: 'IDR',
      unitAmount: 150000,
      interval: 'month',
      taxRate: { displayName: 'PPN', percentage: '11', inclusive: false, country: 'ID' },
      periods: 4,
      history: { from: 'engine' },
    },
  },
  otherMerchant: {
    account: 'otherMerchant',
    externalId: 'demo_other_merchant',
    email: 'siti.rahma@example.co.id',
    name: 'Siti Rahma',
    preferredLocale: 'id',
    cards: [{ brand: 'mastercard', last4: '5100', expMonth: 1, yearsToExpiry: 3 }],
    plan: {
      product: 'Langganan Kopi Bulanan',
      currency: 'IDR',
      unitAmount: 250000,
      interval: 'month',
      taxRate: { displayName: 'PPN', percentage: '11', inclusive: false, country: 'ID' },
      periods: 5,
      history: { from: 'engine' },
    },
  },
};
