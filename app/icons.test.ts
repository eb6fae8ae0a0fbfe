import { describe, expect, it } from 'vitest';
import { runningServer } from '@/lib/testing/running-server';

const server = runningServer();

describe('icons', () => {
  it('are served from public/: a favicon with three sizes, an SVG and home-screen PNGs', async () => {
    const favicon = await fetch(`${server.baseUrl}/favicon.ico`);
    expect(favicon.status).toBe(200);
    const ico = Buffer.from(await favicon.arrayBuffer());
    expect([...ico.subarray(0, 6)]).toEqual([0, 0, 1, 0, 3, 0]);
    const svg = await fetch(`${server.baseUrl}/icon.svg`);
    expect(svg.headers.get('content-type')).toContain('image/svg+xml');
    for (const path of ['/apple-touch-icon.png', '/icon-192.png', '/icon-512.png']) {
      const res = await fetch(`${server.baseUrl}${path}`);
      expect(res.headers.get('content-type'), path).toBe('image/png');
    }
  });

  it('are named in every page’s head', async () => {
    const html = await (await fetch(server.baseUrl)).text();
    expect(html).toMatch(/<link rel="icon" href="\/favicon.ico" sizes="16x16 32x32 48x48"/);
    expect(html).toMatch(/<link rel="icon" href="\/icon.svg" type="image\/svg\+xml"/);
    expect(html).toMatch(/<link rel="apple-touch-icon" href="\/apple-touch-icon.png" sizes="180x180"/);
  });
});
