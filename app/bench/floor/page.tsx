import { connection } from 'next/server';
import { requireBenchFloors } from '@/lib/server/bench-floors';

// The bench's floor for pages: rendered per request through the root layout, nothing read.
export default async function BenchFloorPage() {
  await connection();
  requireBenchFloors();
  return <main className="p-8"><h1 className="text-2xl font-semibold">Floor</h1><p>A trivial dynamic page.</p></main>;
}
