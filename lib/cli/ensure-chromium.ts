import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

// The browser tests run in Debian's Chromium. Install it when it is missing and we may (root with
// apt-get, as on CI); otherwise say exactly what to install. Never skip the browser tests.
export function ensureChromium(): string {
  const chromium = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
  if (existsSync(chromium)) return chromium;
  const canInstall = process.getuid?.() === 0 && existsSync('/usr/bin/apt-get') && !process.env.CHROMIUM_PATH;
  if (!canInstall) {
    throw new Error(
      `Chromium is needed for the browser tests and was not found at ${chromium}.\n` +
        'Install it with: sudo apt-get update && sudo apt-get install -y chromium\n' +
        'or point CHROMIUM_PATH at a Chromium or Chrome binary.',
    );
  }
  console.log('Installing Chromium from Debian packages for the browser tests…');
  for (const args of [['update', '-qq'], ['install', '-y', '-qq', 'chromium']]) {
    const result = spawnSync('apt-get', args, { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
    if (result.status !== 0) throw new Error(`apt-get ${args.join(' ')} failed; install Chromium by hand (apt-get install chromium).`);
  }
  return chromium;
}
