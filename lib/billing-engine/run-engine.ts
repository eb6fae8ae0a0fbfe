import 'server-only';
import { Prisma } from '../db/generated/client';
import { getPrisma } from '../db/get-db';
import { collectClaimedInvoice } from './collect-invoice';
import { scopeCondition, type TEngineScope } from './engine-scope';
import { expireIncomplete, INCOMPLETE_WINDOW_MS } from './expire-incomplete';
import { renewSubscription } from './renew-subscription';
import { endPause } from './subscription-standing';
import { announceTrialEnd, TRIAL_NOTICE_MS } from './trial-will-end';

type TWork = {
  /** Claims one due row for this transaction: SKIP LOCKED passes over rows another engine holds. */
  claim: (tx: Prisma.TransactionClient, scope: TEngineScope, now: Date) => Promise<string | null>;
  run: (tx: Prisma.TransactionClient, id: string, at: Date) => Promise<void>;
};

const firstId = (rows: { id: string }[]) => rows[0]?.id ?? null;

/** Claims the first subscription in `order` that meets `due` at `now`, within the scope. */
function subscriptionClaim(due: (now: Date) => Prisma.Sql, order: Prisma.Sql): TWork['claim'] {
  return async (tx, scope, now) =>
    firstId(await tx.$queryRaw<{ id: string }[]>`
      SELECT s."id" FROM "Subscription" s JOIN "Customer" c ON c."accountId" = s."accountId" AND c."id" = s."customerId"
      WHERE ${due(now)} AND ${scopeCondition(scope)}
      ORDER BY ${order} LIMIT 1 FOR UPDATE OF s SKIP LOCKED`);
}

const TRIAL_NOTICES: TWork = {
  claim: subscriptionClaim(
    (now) => Prisma.sql`s."status" = 'trialing' AND s."trialWillEndSentAt" IS NULL AND s."trialEnd" <= ${new Date(now.getTime() + TRIAL_NOTICE_MS)}`,
    Prisma.sql`s."trialEnd"`,
  ),
  run: announceTrialEnd,
};

const PAUSE_ENDS: TWork = {
  claim: subscriptionClaim((now) => Prisma.sql`s."status" = 'paused' AND s."pauseResumesAt" <= ${now}`, Prisma.sql`s."pauseResumesAt"`),
  run: async (tx, id) => {
    const { accountId, customerId } = await tx.subscription.findUniqueOrThrow({ where: { id }, select: { accountId: true, customerId: true } });
    await endPause(tx, { accountId, customerId, subscriptionId: id });
  },
};

// Every status whose periods go on (a canceled or incomplete subscription's do not).
const RENEWING = Prisma.sql`s."status" IN ('trialing', 'active', 'past_due', 'unpaid', 'paused')`;

const RENEWALS: TWork = {
  claim: subscriptionClaim((now) => Prisma.sql`${RENEWING} AND s."currentPeriodEnd" <= ${now}`, Prisma.sql`s."currentPeriodEnd"`),
  run: renewSubscription,
};

const COLLECTIONS: TWork = {
  claim: async (tx, scope, now) =>
    firstId(await tx.$queryRaw<{ id: string }[]>`
      SELECT i."id" FROM "Invoice" i JOIN "Customer" c ON c."accountId" = i."accountId" AND c."id" = i."customerId"
      WHERE i."status" = 'open' AND i."nextPaymentAttempt" <= ${now} AND ${scopeCondition(scope)}
      ORDER BY i."nextPaymentAttempt" LIMIT 1 FOR UPDATE OF i SKIP LOCKED`),
  run: collectClaimedInvoice,
};

const INCOMPLETE_EXPIRIES: TWork = {
  claim: subscriptionClaim((now) => Prisma.sql`s."status" = 'incomplete' AND s."createdAt" <= ${new Date(now.getTime() - INCOMPLETE_WINDOW_MS)}`, Prisma.sql`s."createdAt"`),
  run: expireIncomplete,
};

// In this order within one moment, each kind drained before the next: the notice before the trial's
// end, a pause's end before the renewal it lets through, a period's invoice before its charge; a
// first invoice's last retry before its window closes. No kind makes work for one before it, so one
// pass does all that is due; asking again only for kinds with work left spares a busy day's renewals
// the empty claims of the others.
const WORK = [TRIAL_NOTICES, PAUSE_ENDS, RENEWALS, COLLECTIONS, INCOMPLETE_EXPIRIES];

async function runOne(work: TWork, scope: TEngineScope, now: Date): Promise<boolean> {
  return getPrisma().$transaction(
    async (tx) => {
      const id = await work.claim(tx, scope, now);
      if (id) await work.run(tx, id, now);
      return id !== null;
    },
    { timeout: 30_000 },
  );
}

/**
 * Does the engine's work that is due at `now` within a scope, each piece in a transaction of its
 * own, until none is left or `limit` pieces are done (the caller comes back for the rest). Any
 * number of engines may run this at once, on any instances: each piece is claimed by one.
 */
export async function runDueWork(scope: TEngineScope, now: Date, limit = 500): Promise<number> {
  let done = 0;
  for (const work of WORK) {
    while (done < limit && (await runOne(work, scope, now))) {
      done++;
      // The embedded database answers without real I/O, so a run of work would otherwise hold the
      // event loop and starve every request this process serves meanwhile.
      await yieldToEventLoop();
    }
  }
  return done;
}

/**
 * Runs the engine for a scope at each moment something falls due up to `target`, in time order, so
 * that what happens first shapes what comes after (a subscription canceled by its failed retries
 * renews no more). Time never runs back: work found due before `from` runs at `from`. `onStep`
 * hears each moment reached (a test clock records it). Nothing else may run this scope meanwhile:
 * work another engine holds would read as work left undone.
 */
export async function runEngineThrough(scope: TEngineScope, target: Date, { from, onStep }: { from?: Date; onStep?: (at: Date) => Promise<void> } = {}): Promise<void> {
  let reached = from;
  for (let at = await nextDueAt(scope); at && at <= target; at = await nextDueAt(scope)) {
    const step = reached && reached > at ? reached : at;
    if ((await runDueWork(scope, step, Number.POSITIVE_INFINITY)) === 0) throw new Error(`the billing engine left work due at ${at.toISOString()} undone`);
    reached = step;
    await onStep?.(step);
  }
}

/** When the engine next has work in a scope, or null when nothing is scheduled at all. */
export async function nextDueAt(scope: TEngineScope): Promise<Date | null> {
  const where = scopeCondition(scope);
  const [row] = await getPrisma().$queryRaw<{ at: Date | null }[]>`
    SELECT min(t) AS "at" FROM (
      SELECT min(s."currentPeriodEnd") AS t FROM "Subscription" s JOIN "Customer" c ON c."accountId" = s."accountId" AND c."id" = s."customerId"
        WHERE ${RENEWING} AND ${where}
      UNION ALL
      SELECT min(s."pauseResumesAt") FROM "Subscription" s JOIN "Customer" c ON c."accountId" = s."accountId" AND c."id" = s."customerId"
        WHERE s."status" = 'paused' AND ${where}
      UNION ALL
      SELECT min(s."trialEnd") - make_interval(secs => ${TRIAL_NOTICE_MS / 1000}) FROM "Subscription" s JOIN "Customer" c ON c."accountId" = s."accountId" AND c."id" = s."customerId"
        WHERE s."status" = 'trialing' AND s."trialWillEndSentAt" IS NULL AND ${where}
      UNION ALL
      SELECT min(s."createdAt") + make_interval(secs => ${INCOMPLETE_WINDOW_MS / 1000}) FROM "Subscription" s JOIN "Customer" c ON c."accountId" = s."accountId" AND c."id" = s."customerId"
        WHERE s."status" = 'incomplete' AND ${where}
      UNION ALL
      SELECT min(i."nextPaymentAttempt") FROM "Invoice" i JOIN "Customer" c ON c."accountId" = i."accountId" AND c."id" = i."customerId"
        WHERE i."status" = 'open' AND ${where}
    ) due`;
  return row?.at ?? null;
}

const yieldToEventLoop = () => new Promise<void>((resolve) => setImmediate(resolve));
