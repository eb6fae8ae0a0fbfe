import 'server-only';
import { ApiError } from '../api/errors';
import { recordAudit } from '../audit/record-audit';
import type { TActionScope } from '../billing/customer-scope';
import { getConfig } from '../config/get-config';
import { getPrisma } from '../db/get-db';
import { lockCustomer } from '../db/row-locks';
import { newId } from '../ids/new-id';

/**
 * Limits against card testing (someone trying stolen numbers through a portal link), counted over
 * the last hour: card attempts per login, declines per customer, declines per account. An attempt
 * still waiting for the processor counts as a possible decline, so concurrent attempts cannot slip
 * past. docs/portal.md documents the numbers.
 */
export const CARD_VELOCITY = { windowMs: 60 * 60 * 1000, attemptsPerLogin: 10, declinesPerCustomer: 5 } as const;

type TBlock = { reason: 'velocity_login' | 'velocity_customer' | 'velocity_account'; retryAfterSeconds: number };
type TCounts = { loginAttempts: number; customerRisky: number; accountRisky: number };

/** Reserves one attempt for this login's customer, or refuses it (429, audited) while a limit is reached. */
export async function reserveCardAttempt(scope: TActionScope, portalLoginId: string, now = new Date()): Promise<string> {
  const { accountId, customerId } = scope;
  const since = new Date(now.getTime() - CARD_VELOCITY.windowMs);
  const perAccount = getConfig().cardDeclinesPerAccountPerHour;
  const outcome = await getPrisma().$transaction(async (tx): Promise<{ attemptId: string } | TBlock> => {
    // One customer's attempts are counted one after another, on every instance.
    await lockCustomer(tx, { accountId, customerId });
    const [counts] = await tx.$queryRaw<TCounts[]>`
      SELECT count(*) FILTER (WHERE "portalLoginId" = ${portalLoginId})::int AS "loginAttempts",
             count(*) FILTER (WHERE "customerId" = ${customerId} AND "outcome" <> 'saved')::int AS "customerRisky",
             count(*) FILTER (WHERE "outcome" <> 'saved')::int AS "accountRisky"
      FROM "CardAttempt" WHERE "accountId" = ${accountId} AND "createdAt" > ${since}`;
    const limits = [
      { reason: 'velocity_login', reached: counts!.loginAttempts >= CARD_VELOCITY.attemptsPerLogin, nth: CARD_VELOCITY.attemptsPerLogin, where: { portalLoginId } },
      { reason: 'velocity_customer', reached: counts!.customerRisky >= CARD_VELOCITY.declinesPerCustomer, nth: CARD_VELOCITY.declinesPerCustomer, where: { customerId, outcome: { not: 'saved' } } },
      { reason: 'velocity_account', reached: counts!.accountRisky >= perAccount, nth: perAccount, where: { outcome: { not: 'saved' } } },
    ] as const;
    const reached = limits.find((limit) => limit.reached);
    if (reached) {
      // Open again once the attempt that filled the limit is an hour old.
      const filling = await tx.cardAttempt.findMany({ where: { accountId, createdAt: { gt: since }, ...reached.where }, orderBy: { createdAt: 'desc' }, skip: reached.nth - 1, take: 1, select: { createdAt: true } });
      const reopensAt = (filling[0]?.createdAt.getTime() ?? now.getTime()) + CARD_VELOCITY.windowMs;
      return { reason: reached.reason, retryAfterSeconds: Math.max(1, Math.ceil((reopensAt - now.getTime()) / 1000)) };
    }
    const attemptId = newId('cardAttempt');
    await tx.cardAttempt.create({ data: { id: attemptId, accountId, customerId, portalLoginId, createdAt: now } });
    return { attemptId };
  });
  if ('attemptId' in outcome) return outcome.attemptId;
  await recordAudit({ ...scope, action: 'payment_method.add', outcome: 'refused', reason: outcome.reason, metadata: { retryAfterSeconds: outcome.retryAfterSeconds } });
  throw new ApiError('rate_limited', 'too_many_card_attempts', undefined, { 'Retry-After': String(outcome.retryAfterSeconds) });
}

/** Records how the processor answered; an hour's worth of rows is all the limits read, a day is kept. */
export async function settleCardAttempt(attemptId: string, outcome: 'saved' | 'declined', now = new Date()): Promise<void> {
  const prisma = getPrisma();
  await prisma.cardAttempt.updateMany({ where: { id: attemptId }, data: { outcome } });
  if (Math.random() < 0.01) await prisma.cardAttempt.deleteMany({ where: { createdAt: { lt: new Date(now.getTime() - 24 * CARD_VELOCITY.windowMs) } } });
}
