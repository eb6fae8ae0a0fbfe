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

// ulid asks the system for each of an id's 16 random characters on its own (about 33 µs an id,
// docs/performance.md); the same source fills a pool of bytes instead, a few thousand at a time.
// A byte ÷ 256 is uniform over ulid's 32 characters.
const pool = new Uint8Array(4096);
let drawn = pool.length;
function pooledRandom(): number {
  if (drawn === pool.length) {
    crypto.getRandomValues(pool);
    drawn = 0;
  }
  return pool[drawn++]! / 256;
}

// Monotonic within a millisecond, so ids made one after another in a process sort in that order.
const nextUlid = monotonicFactory(pooledRandom);

/**
 * A new id. `at` backdates it (seeded history): the monotonic factory would clamp an earlier time
 * to the latest one it has seen, so a backdated id takes a plain ULID of exactly that time.
 */
export function newId(kind: TIdKind, at?: number): string {
  return `${ID_PREFIXES[kind]}_${at === undefined ? nextUlid() : ulid(at, pooledRandom)}`;
}

const ULID = '[0-9A-HJKMNP-TV-Z]{26}';

export function isId(kind: TIdKind, value: unknown): value is string {
  return typeof value === 'string' && new RegExp(`^${ID_PREFIXES[kind]}_${ULID}$`).test(value);
}
