import autocannon from 'autocannon';

export type TLoad = {
  url: string;
  connections: number;
  /** Seconds to run, or a fixed number of requests. */
  seconds?: number;
  amount?: number;
  method?: 'GET' | 'POST';
  headers?: Record<string, string>;
  /** Builds each request (a fresh signature, the next single-use link). */
  setupRequest?: (request: autocannon.Request) => autocannon.Request;
  onResponse?: (status: number, body: string) => void;
  /** Status codes every answer must have; anything else makes the measurement fail. */
  expect: number[];
};

export type TLoadResult = { rps: number };

/** Requests per second under one load, checked to have answered as expected. */
export async function load(spec: TLoad): Promise<TLoadResult> {
  const result = await autocannon({
    url: spec.url,
    connections: spec.connections,
    ...(spec.amount ? { amount: spec.amount } : { duration: spec.seconds ?? 1 }),
    method: spec.method ?? 'GET',
    headers: spec.headers,
    // autocannon ends a run at its next sample, every second by default: a fixed number of requests
    // (the opens of the links one round minted, about a hundred) was timed to the whole second above
    // its real time, and read as a third of its rate.
    sampleInt: 10,
    requests: spec.setupRequest || spec.onResponse ? [{ setupRequest: spec.setupRequest, onResponse: spec.onResponse }] : undefined,
  });
  const statuses = Object.keys(result.statusCodeStats ?? {}).map(Number);
  const unexpected = statuses.filter((s) => !spec.expect.includes(s));
  if (unexpected.length > 0 || result.errors > 0 || result.timeouts > 0) {
    throw new Error(`${spec.method ?? 'GET'} ${spec.url}: statuses ${statuses.join(',')}, ${result.errors} errors, ${result.timeouts} timeouts`);
  }
  const seconds = (result.finish.getTime() - result.start.getTime()) / 1000;
  return { rps: result.requests.total / seconds };
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/**
 * The median latency in ms (to the microsecond, which autocannon's whole milliseconds cannot give
 * for a floor of a few ms) of GETs sent back to back on `connections` kept-alive connections; `url`
 * may name each request's own (a different document each time).
 */
export async function latencyP50({ url, connections, seconds, headers = {}, expect }: { url: string | (() => string); connections: number; seconds: number; headers?: Record<string, string>; expect: number[] }): Promise<number> {
  const times: number[] = [];
  const until = performance.now() + seconds * 1000;
  await Promise.all(
    Array.from({ length: connections }, async () => {
      while (performance.now() < until) {
        const target = typeof url === 'string' ? url : url();
        const started = performance.now();
        const res = await fetch(target, { headers, redirect: 'manual' });
        await res.arrayBuffer();
        if (!expect.includes(res.status)) throw new Error(`GET ${target}: ${res.status}`);
        times.push(performance.now() - started);
      }
    }),
  );
  return median(times);
}
