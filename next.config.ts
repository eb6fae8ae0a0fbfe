import type { NextConfig } from 'next';
import createNextIntlPlugin from 'next-intl/plugin';

const withNextIntl = createNextIntlPlugin({
  requestConfig: './lib/i18n/request.ts',
  experimental: {
    messages: { path: './lib/i18n/messages', format: 'json', locales: 'infer', precompile: true },
  },
});

const nextConfig: NextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // The server compresses each answer in one piece (lib/server/compress-response.ts); Next.js's own
  // compression, chunk by chunk as it streams, cost more than the page's rendering.
  compress: false,
  experimental: {
    // unauthorized(): a portal page without a live login answers 401 (app/unauthorized.tsx).
    authInterrupts: true,
    // Each route's code is loaded on its first request rather than all at start: the server answers
    // half a second sooner and holds less memory while idle (bench: cold start, idle RSS).
    preloadEntriesOnStart: false,
  },
  // PGlite loads its Wasm and data files from its own package folder at run time.
  serverExternalPackages: ['@electric-sql/pglite', 'pglite-prisma-adapter', 'pino', 'pdfkit', 'fontkit'],
};

export default withNextIntl(nextConfig);
