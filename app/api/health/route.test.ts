import { describe, expect, inject, it } from 'vitest';

describe('GET /api/health', () => {
  it('answers ok with the database it reached, uncached', async () => {
    const res = await fetch(`${inject('baseUrl')}/api/health`);
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(await res.json()).toEqual({
      status: 'ok',
      database: { kind: process.env.DATABASE_URL ? 'postgresql' : 'embedded', ok: true },
      rateLimits: { kind: process.env.DATABASE_URL ? 'database' : 'memory', ok: true },
    });
  });
});
