import http from 'node:http';
import type { AddressInfo } from 'node:net';

export type TReceivedWebhook = { headers: http.IncomingHttpHeaders; body: string; event: { id: string; type: string; data: { object: Record<string, unknown> } } };

/** How the receiver answers its n-th request (0-based): a status and body (after a delay), or 'hang' to never answer. */
export type TAnswer = (n: number, received: TReceivedWebhook) => { status: number; body?: string; delayMs?: number } | 'hang';

/**
 * A merchant's webhook receiver on 127.0.0.1 for tests: records every request as it arrived (raw
 * body and headers) and answers as told.
 */
export async function startWebhookReceiver(answer: TAnswer = () => ({ status: 200 })) {
  const received: TReceivedWebhook[] = [];
  const hanging = new Set<http.ServerResponse>();
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      const webhook = { headers: req.headers, body, event: JSON.parse(body) as TReceivedWebhook['event'] };
      const reply = answer(received.length, webhook);
      received.push(webhook);
      if (reply === 'hang') {
        hanging.add(res);
        return;
      }
      setTimeout(() => res.writeHead(reply.status, { 'Content-Type': 'text/plain' }).end(reply.body ?? 'ok'), reply.delayMs ?? 0);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  /** Waits until `count` requests have arrived (or fails after `timeoutMs`). */
  async function waitFor(count: number, timeoutMs = 30_000): Promise<TReceivedWebhook[]> {
    const deadline = Date.now() + timeoutMs;
    while (received.length < count) {
      if (Date.now() > deadline) throw new Error(`expected ${count} webhook(s), got ${received.length} within ${timeoutMs} ms`);
      await new Promise((r) => setTimeout(r, 100));
    }
    return received.slice(0, count);
  }

  return {
    url: `http://127.0.0.1:${port}/webhooks`,
    port,
    received,
    waitFor,
    close: async () => {
      for (const res of hanging) res.destroy();
      server.closeAllConnections();
      await new Promise((r) => server.close(r));
    },
  };
}
