import { monotonicFactory, ulid } from 'ulid';

// The prefixes of ../shared/CONTRACT.md, plus the internal ones the schema needs.
export const ID_PREFIXES = {
  account: 'acc',
  customer: 'cus',
  portalSession: 'pls',
  subscription: 'sub',
  invoice: 'inv',
  invoiceLine: 'il',
  payment: 'pay',
  paymentMethod: 'pm',
  webhookEndpoint: 'we',
  webhookDelivery: 'whd',
  webhookAttempt: 'wha',
  event: 'evt',
  apiKey: 'key',
  request: 'req',
  product: 'prod',
  price: 'price',
  portalLogin: 'plg',
  idempotencyRecord: 'idem',
  auditLog: 'aud',
  cardAttempt: 'cat',
  cardChallenge: 'cch',
  taxRate: 'txr',
  subscriptionItem: 'si',
  coupon: 'cpn',
  refund: 're',
  invoiceItem: 'ii',
  testClock: 'clock',
} as const;

export type TIdKind = keyof typeof ID_PREFIXES;

// Monotonic within a millisecond, so ids made one after another in a process sort in that order.
const nextUlid = monotonicFactory();

/**
 * A new id. `at` backdates it (seeded history): the monotonic factory would clamp an earlier time
 * to the latest one it has seen, so a backdated id takes a plain ULID of exactly that time.
 */
export function newId(kind: TIdKind, at?: number): string {
  return `${ID_PREFIXES[kind]}_${at === undefined ? nextUlid() : ulid(at)}`;
}

const ULID = '[0-9A-HJKMNP-TV-Z]{26}';

export function isId(kind: TIdKind, value: unknown): value is string {
  return typeof value === 'string' && new RegExp(`^${ID_PREFIXES[kind]}_${ULID}$`).test(value);
}
