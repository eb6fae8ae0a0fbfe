import 'server-only';
import { notFound } from 'next/navigation';
import { unknownRoute } from '../api/refused-methods';
import { getConfig } from '../config/get-config';

// The bench's floors (a constant JSON route, a trivial page, a 3-line PDF) answer only when the
// server was started for the bench (BENCH_FLOORS=on, refused in production mode).

/** For the floor page: the 404 page unless the server runs for the bench. */
export function requireBenchFloors(): void {
  if (!getConfig().benchFloors) notFound();
}

/** For the floor routes: the API's 404 for a route it does not have, unless the server runs for the bench. */
export function benchFloorsRefusal(): Response | null {
  return getConfig().benchFloors ? null : unknownRoute().GET();
}
