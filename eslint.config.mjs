import nextVitals from 'eslint-config-next/core-web-vitals';
import nextTs from 'eslint-config-next/typescript';

const config = [
  ...nextVitals,
  ...nextTs,
  // Portal pages are rendered per request: links go through PortalLink, which does not prefetch them.
  {
    files: ['app/**/*.tsx', 'components/**/*.tsx'],
    ignores: ['components/portal/PortalLink.tsx'],
    rules: { 'no-restricted-imports': ['error', { paths: [{ name: 'next/link', message: 'Use PortalLink (components/portal/PortalLink.tsx): it does not prefetch.' }] }] },
  },
  // CommonJS examples show what a plain-JavaScript user writes.
  { files: ['**/*.cjs'], rules: { '@typescript-eslint/no-require-imports': 'off' } },
  { ignores: ['.next/**', 'node_modules/**', 'lib/db/generated/**', 'lib/sdk/dist/**', 'test-results/**', 'playwright-report/**', 'data/**', '.openapi-check-*/**'] },
];

export default config;
