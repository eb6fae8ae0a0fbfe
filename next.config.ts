import type { NextConfig } from 'next';
import createNextIntlPlugin from 'next-intl/plugin';

const withNextIntl = createNextIntlPlugin('./lib/i18n/request.ts');

const nextConfig: NextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // unauthorized(): a portal page without a live login answers 401 (app/unauthorized.tsx).
  experimental: { authInterrupts: true },
  // PGlite loads its Wasm and data files from its own package folder at run time.
  serverExternalPackages: ['@electric-sql/pglite', 'pglite-prisma-adapter', 'pino', 'pdfkit', 'fontkit'],
};

export default withNextIntl(nextConfig);
