import { checkDatabase } from '@/lib/db/check-database';
import { refusedMethods } from '@/lib/api/refused-methods';

export const dynamic = 'force-dynamic';

// GET /api/health: liveness and database reachability, for load balancers and the test harness.
export async function GET() {
  const database = await checkDatabase();
  return Response.json(
    { status: database.ok ? 'ok' : 'degraded', database },
    { status: database.ok ? 200 : 503, headers: { 'Cache-Control': 'no-store' } },
  );
}

export const { POST, PUT, PATCH, DELETE } = refusedMethods('GET');
