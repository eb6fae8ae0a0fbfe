import { benchFloorsRefusal } from '@/lib/server/bench-floors';

export const dynamic = 'force-dynamic';

// The bench's view of where the server's memory is (BENCH_FLOORS=on only): the resident set split
// into V8's heap and what lives outside it (WebAssembly memory: PGlite, Prisma's query compiler;
// Buffers), in MB.
export function GET() {
  const refusal = benchFloorsRefusal();
  if (refusal) return refusal;
  const { rss, heapTotal, heapUsed, external, arrayBuffers } = process.memoryUsage();
  const mb = (bytes: number) => Math.round(bytes / 1024 / 1024);
  return Response.json({ rss: mb(rss), heapTotal: mb(heapTotal), heapUsed: mb(heapUsed), external: mb(external), arrayBuffers: mb(arrayBuffers) });
}
