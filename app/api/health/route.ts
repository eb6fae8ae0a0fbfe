import { getRateLimitStore } from '@/lib/api/rate-limit-store';
import { refusedMethods } from '@/lib/api/refused-methods';
import { checkDatabase } from '@/lib/db/check-database';

export const dynamic = 'force-dynamic';

// GET /api/health: liveness and the dependencies' state, for load balancers and the test harness.
// Without its database the instance cannot serve (503); without Redis it serves on the database's
// counters, so it stays in rotation (200) and says "degraded".
export async function GET() {
  const database = await checkDatabase();
  const rateLimits = getRateLimitStore().status();
  return Response.json(
    { status: database.ok && rateLimits.ok ? 'ok' : 'degraded', database, rateLimits },
    { status: database.ok ? 200 : 503, headers: { 'Cache-Control': 'no-store' } },
  );
}

export const { POST, PUT, PATCH, DELETE } = refusedMethods('GET');
