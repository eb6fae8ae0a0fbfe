// Test fixture: takes the embedded lock when told, as fast as it can, for the two-process race.
// Reads lines from stdin: "take <dir>" tries to lock <dir> and answers "acquired <dir>" or
// "refused <dir>"; "release <dir>" lets go of it.
import path from 'node:path';
import readline from 'node:readline';
import { acquireEmbeddedLock } from '../db/embedded-lock';

const held = new Map<string, () => void>();
for await (const line of readline.createInterface({ input: process.stdin })) {
  const [verb, dir] = line.split(' ') as [string, string];
  if (verb === 'take') {
    try {
      held.set(dir, acquireEmbeddedLock(path.join(dir, 'pglite.lock'), path.join(dir, 'pglite')));
      console.log(`acquired ${dir}`);
    } catch {
      console.log(`refused ${dir}`);
    }
  } else if (verb === 'release') {
    held.get(dir)?.();
    held.delete(dir);
    console.log(`released ${dir}`);
  }
}
