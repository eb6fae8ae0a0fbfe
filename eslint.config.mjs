import nextVitals from 'eslint-config-next/core-web-vitals';
import nextTs from 'eslint-config-next/typescript';

const config = [
  ...nextVitals,
  ...nextTs,
  // CommonJS examples show what a plain-JavaScript user writes.
  { files: ['**/*.cjs'], rules: { '@typescript-eslint/no-require-imports': 'off' } },
  { ignores: ['.next/**', 'node_modules/**', 'lib/db/generated/**', 'lib/sdk/dist/**', 'test-results/**', 'playwright-report/**', 'data/**', '.openapi-check-*/**'] },
];

export default config;
