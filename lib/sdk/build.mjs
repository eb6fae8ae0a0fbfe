// Builds the SDK as ES modules and CommonJS, with type declarations for both. Run by the root
// project's postinstall, so a clone that ran `npm install` has an installable lib/sdk.
import { execFileSync } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
rmSync(path.join(here, 'dist'), { recursive: true, force: true });
for (const config of ['tsconfig.esm.json', 'tsconfig.cjs.json']) {
  execFileSync(process.execPath, [tsc, '-p', path.join(here, config)], { stdio: 'inherit' });
}
mkdirSync(path.join(here, 'dist/cjs'), { recursive: true });
writeFileSync(path.join(here, 'dist/cjs/package.json'), '{ "type": "commonjs" }\n');
