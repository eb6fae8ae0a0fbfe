import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { authorizationHeader } from '@/lib/api-keys/request-signature';
import { runningServer } from '@/lib/testing/running-server';

const server = runningServer();
// Inside the project, so that the generated client resolves openapi-fetch from node_modules.
const work = mkdtempSync(path.resolve('.openapi-check-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

type TDocument = { openapi: string; paths: Record<string, Record<string, unknown>> };
async function fetchDocument(): Promise<TDocument> {
  const res = await fetch(`${server.baseUrl}/api/v1/openapi.json`);
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toContain('application/json');
  return (await res.json()) as TDocument;
}

/** Every handler a route file under app/api/v1 exports, as "METHOD /path" in OpenAPI form. */
function routeHandlers(): string[] {
  const root = path.resolve('app/api/v1');
  const found: string[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const full = path.join(dir, name);
      if (statSync(full).isDirectory()) walk(full);
      else if (name === 'route.ts') {
        const route = `/api/v1/${path.relative(root, dir)}`.replace(/\[(\w+)\]/g, '{$1}');
        const source = readFileSync(full, 'utf8');
        for (const [, method] of source.matchAll(/^export (?:const|function|async function) (GET|POST|PATCH|PUT|DELETE)\b/gm)) found.push(`${method} ${route}`);
      }
    }
  };
  walk(root);
  // The document does not list itself.
  return found.filter((h) => h !== 'GET /api/v1/openapi.json').sort();
}

const npx = (bin: string, args: string[]) => spawnSync(path.resolve('node_modules/.bin', bin), args, { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });

describe('GET /api/v1/openapi.json', () => {
  it('describes every route handler under app/api/v1, and nothing that is not one', async () => {
    const document = await fetchDocument();
    expect(document.openapi).toBe('3.1.0');
    const described = Object.entries(document.paths).flatMap(([route, item]) => Object.keys(item).map((m) => `${m.toUpperCase()} ${route}`)).sort();
    expect(described.length).toBeGreaterThan(20);
    expect(described).toEqual(routeHandlers());
  });

  it('passes redocly lint with no problem at all', async () => {
    const file = path.join(work, 'openapi.json');
    writeFileSync(file, JSON.stringify(await fetchDocument()));
    const lint = npx('redocly', ['lint', file, '--format=summary']);
    expect(lint.stdout + lint.stderr).toContain('Your API description is valid');
    // Only the findings count: redocly also prints a boxed notice about the Node.js version.
    const findings = (lint.stdout + lint.stderr).split('\n').filter((line) => !line.includes('║'));
    expect(findings.filter((line) => /\b(warning|error)\b/i.test(line))).toEqual([]);
    expect(lint.status).toBe(0);
  });

  it('generates types that compile, and openapi-fetch with them drives the live server', async () => {
    writeFileSync(path.join(work, 'openapi.json'), JSON.stringify(await fetchDocument()));
    const generate = npx('openapi-typescript', [path.join(work, 'openapi.json'), '-o', path.join(work, 'schema.d.ts')]);
    expect(generate.status, generate.stderr).toBe(0);
    writeFileSync(path.join(work, 'client.ts'), CLIENT_SOURCE);
    writeFileSync(path.join(work, 'tsconfig.json'), JSON.stringify({
      compilerOptions: { strict: true, noEmit: true, target: 'ES2022', module: 'esnext', moduleResolution: 'bundler', lib: ['ES2023', 'dom'], skipLibCheck: true, types: [] },
      files: ['client.ts', 'schema.d.ts'],
    }));
    const compile = npx('tsc', ['-p', path.join(work, 'tsconfig.json')]);
    expect(compile.stdout + compile.stderr).toBe('');

    const { catalogThroughOpenApiFetch } = (await import(/* @vite-ignore */ path.join(work, 'client.ts'))) as { catalogThroughOpenApiFetch: (baseUrl: string, sign: (r: Request) => Promise<Request>) => Promise<Record<'customer' | 'product' | 'price', { id: string }>> };
    const key = server.fixtures.billingAccount;
    const sign = async (request: Request) => {
      const url = new URL(request.url);
      const body = request.body ? await request.clone().text() : '';
      const parts = { timestamp: String(Math.floor(Date.now() / 1000)), method: request.method, pathWithQuery: url.pathname + url.search, body };
      request.headers.set('Authorization', authorizationHeader(key.keyId, key.secret, parts));
      return request;
    };
    const made = await catalogThroughOpenApiFetch(server.baseUrl, sign);
    expect(made.customer.id).toMatch(/^cus_/);
    expect(made.price.id).toMatch(/^price_/);
    const read = await fetch(`${server.baseUrl}/api/v1/prices/${made.price.id}`, { headers: { Authorization: authorizationHeader(key.keyId, key.secret, { timestamp: String(Math.floor(Date.now() / 1000)), method: 'GET', pathWithQuery: `/api/v1/prices/${made.price.id}`, body: '' }) } });
    expect(await read.json()).toMatchObject({ product: made.product.id, unitAmount: 1900, currency: 'EUR', recurring: { interval: 'month', intervalCount: 1 } });
  });
});

// A merchant's code, written against the generated types only: if a schema drifted from what the
// server takes, this stops compiling or the server refuses it.
const CLIENT_SOURCE = `
import createClient from 'openapi-fetch';
import type { paths } from './schema';

export async function catalogThroughOpenApiFetch(baseUrl: string, sign: (request: Request) => Promise<Request>) {
  const client = createClient<paths>({ baseUrl });
  client.use({ onRequest: ({ request }) => sign(request) });
  const customer = await client.POST('/api/v1/customers', { body: { email: 'openapi-fetch@example.com', name: 'Typed Client', address: { country: 'NL' } } });
  if (!customer.data) throw new Error(JSON.stringify(customer.error));
  const product = await client.POST('/api/v1/products', { body: { name: 'Typed plan' } });
  if (!product.data) throw new Error(JSON.stringify(product.error));
  const price = await client.POST('/api/v1/prices', { body: { product: product.data.id, currency: 'EUR', unitAmount: 1900, recurring: { interval: 'month' } } });
  if (!price.data) throw new Error(JSON.stringify(price.error));
  const listed = await client.GET('/api/v1/customers', { params: { query: { email: customer.data.email, limit: 1 } } });
  if (listed.data?.data[0]?.id !== customer.data.id) throw new Error('the new customer is not listed');
  return { customer: customer.data, product: product.data, price: price.data };
}
`;
