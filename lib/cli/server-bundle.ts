// The HTTP server runs as plain JavaScript. Under tsx, every module Next.js loads passed through
// tsx's resolver and had its source map read: a second of a three-second cold start (bench, #14).
// esbuild compiles lib/cli/serve.ts and the few modules of ours it imports into one file beside
// the build; packages stay where they are, loaded by Node itself.
import { buildSync } from 'esbuild';
import { renameSync } from 'node:fs';
import path from 'node:path';
import { ZEnv } from '../config/env-schema';

export const SERVER_BUNDLE = path.join('.next', 'plugipay-server.mjs');

let bundled: string | undefined;

/** Compiles the server (once per process) and returns the file to run with `node`. */
export function bundleServer(): string {
  if (bundled) return bundled;
  // Written beside and renamed into place: test processes that bundle at the same time never start
  // a server from a half-written file.
  const partial = `${SERVER_BUNDLE}.${process.pid}.tmp`;
  buildSync({
    entryPoints: [path.join('lib', 'cli', 'serve.ts')],
    outfile: partial,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    logLevel: 'warning',
  });
  renameSync(partial, SERVER_BUNDLE);
  return (bundled = SERVER_BUNDLE);
}

/**
 * The command that runs the server: Node on the compiled file, its heap capped. Uncapped, V8 sizes
 * the heap from the machine's memory and collects late: on 24 GiB the server held 420 MB of heap
 * after the bench, most of it garbage (docs/decisions.md, "A heap cap for the server").
 */
export function serverCommand(args: string[] = [], env: NodeJS.ProcessEnv = process.env): [string, string[]] {
  // Anything else is left to the server's own configuration check, which names it and stops.
  const asked = ZEnv.shape.SERVER_HEAP_MB.safeParse(env.SERVER_HEAP_MB);
  const heap = asked.success ? asked.data : ZEnv.shape.SERVER_HEAP_MB.parse(undefined);
  return [process.execPath, [`--max-old-space-size=${heap}`, bundleServer(), ...args]];
}
