import type { TRunningServer } from './running-server';
import { signedFetch } from './signed-fetch';

export type TKey = { keyId: string; secret: string };
export type TBody = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/** A signed call to the suite's server, answering its status and parsed body. */
export function apiCaller(server: TRunningServer) {
  return async (key: TKey, method: string, path: string, body?: unknown, headers?: Record<string, string>) => {
    const res = await signedFetch(server.baseUrl, { method, path, key, body, headers });
    return { status: res.status, body: (await res.json()) as TBody };
  };
}

/** A short tag no other test run has, for emails and keys that must be this test's alone. */
export function uniqueTag(): string {
  return `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}`;
}
