import { getPrisma } from '@/lib/db/get-db';
import { benchFloorsRefusal } from '@/lib/server/bench-floors';

export const dynamic = 'force-dynamic';

// The bench's view of the billing engine (BENCH_FLOORS=on only): work still due now; once none is,
// the renewals made and the periods invoiced twice (which must never happen). Those two read every
// invoice, so they wait for the end: counted on each poll, they would take the engine's database
// time on a single-threaded embedded database and slow what the bench measures.
export async function GET(request: Request) {
  const refusal = benchFloorsRefusal();
  if (refusal) return refusal;
  const now = new Date();
  // Renewals made since the bench began (the demo seed's history has renewals of its own).
  const since = new Date(new URL(request.url).searchParams.get('since') ?? 0);
  const prisma = getPrisma();
  const [dueRenewals, dueCharges] = await Promise.all([
    prisma.subscription.count({ where: { status: { in: ['trialing', 'active', 'past_due', 'unpaid', 'paused'] }, currentPeriodEnd: { lte: now } } }),
    prisma.invoice.count({ where: { status: 'open', nextPaymentAttempt: { lte: now } } }),
  ]);
  const due = dueRenewals + dueCharges;
  if (due > 0) return Response.json({ due });
  const [renewed, doubled] = await Promise.all([
    prisma.invoice.count({ where: { billingReason: 'subscription_cycle', status: 'paid', createdAt: { gte: since } } }),
    prisma.$queryRaw<{ n: bigint }[]>`SELECT count(*) AS n FROM (SELECT 1 FROM "Invoice" WHERE "billingReason" = 'subscription_cycle' AND "createdAt" >= ${since} GROUP BY "subscriptionId", "periodStart" HAVING count(*) > 1) d`,
  ]);
  return Response.json({ due, renewed, doubled: Number(doubled[0]!.n) });
}
