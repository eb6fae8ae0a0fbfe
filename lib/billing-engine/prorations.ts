import { roundDiv } from '../billing/invoice-math/round-div';

/** One item of a subscription as proration sees it: a price, its amount per unit, how many. */
export type TItemTerms = { priceId: string; productName: string; unitAmount: bigint; quantity: number };

export type TProrationLine = { priceId: string; description: string; amount: bigint; periodStart: Date; periodEnd: Date };

const wholeSeconds = (ms: number) => BigInt(Math.floor(ms / 1000));

/**
 * The part of `amount` for the time from `at` to the period's end, to the second, rounded half
 * away from zero in the currency's minor unit. At the period's start it is all of it; at its end,
 * nothing.
 */
export function prorate(amount: bigint, period: { start: Date; end: Date }, at: Date): bigint {
  const length = wholeSeconds(period.end.getTime() - period.start.getTime());
  const left = wholeSeconds(period.end.getTime() - at.getTime());
  if (length <= 0n || left <= 0n) return 0n;
  return roundDiv(amount * (left < length ? left : length), length);
}

const day = (d: Date) => d.toISOString().slice(0, 10);

export type TProrationKind = 'unused' | 'remaining';

/** A proration line's text, in English as the API gives it (as Stripe's): "Unused time on 2 × Pro after 2026-03-16". */
function describe(kind: TProrationKind, item: TItemTerms, at: Date): string {
  return `${kind === 'unused' ? 'Unused' : 'Remaining'} time on ${item.quantity} × ${item.productName} after ${day(at)}`;
}

const DESCRIBED = /^(Unused|Remaining) time on (\d+) × (.+) after (\d{4}-\d{2}-\d{2})$/;

/** The parts of a text `describe` wrote, for the portal and PDFs to say it in the reader's language; null for any other text. */
export function readProrationDescription(text: string): { kind: TProrationKind; quantity: number; product: string; after: Date } | null {
  const match = DESCRIBED.exec(text);
  if (!match) return null;
  return { kind: match[1] === 'Unused' ? 'unused' : 'remaining', quantity: Number(match[2]), product: match[3]!, after: new Date(`${match[4]}T00:00:00Z`) };
}

const key = (item: TItemTerms) => `${item.priceId}×${item.quantity}`;

/**
 * What changing a subscription's items at `at` costs for the rest of its period: each item that goes
 * or changes is credited for its unused time, each item that comes or changes is charged for the
 * time left. An item kept as it was (same price, same quantity) makes no line.
 */
export function prorationLines(before: readonly TItemTerms[], after: readonly TItemTerms[], period: { start: Date; end: Date }, at: Date): TProrationLine[] {
  const kept = new Set(before.map(key).filter((k) => after.some((item) => key(item) === k)));
  const span = { periodStart: at, periodEnd: period.end };
  const credits = before
    .filter((item) => !kept.has(key(item)))
    .map((item) => ({ priceId: item.priceId, description: describe('unused', item, at), amount: -prorate(item.unitAmount * BigInt(item.quantity), period, at), ...span }));
  const charges = after
    .filter((item) => !kept.has(key(item)))
    .map((item) => ({ priceId: item.priceId, description: describe('remaining', item, at), amount: prorate(item.unitAmount * BigInt(item.quantity), period, at), ...span }));
  return [...credits, ...charges].filter((line) => line.amount !== 0n);
}
