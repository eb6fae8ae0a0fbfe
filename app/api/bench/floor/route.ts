import { benchFloorsRefusal } from '@/lib/server/bench-floors';

export const dynamic = 'force-dynamic';

// The bench's floor for API routes: a route handler that answers constant JSON.
export function GET() {
  const refusal = benchFloorsRefusal();
  if (refusal) return refusal;
  return Response.json({ ok: true });
}
