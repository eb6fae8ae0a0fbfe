import 'server-only';
import { closeSync, openSync, readFileSync, unlinkSync, writeSync } from 'node:fs';

export class DatabaseLockedError extends Error {
  override name = 'DatabaseLockedError';
}

type TLockOwner = { pid: number; startedAt: string; command: string };

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function readOwner(lockFile: string): TLockOwner | undefined {
  try {
    return JSON.parse(readFileSync(lockFile, 'utf8')) as TLockOwner;
  } catch {
    return undefined;
  }
}

/**
 * PGlite does not lock its folder, and two processes writing one folder corrupt it. This lock
 * makes the second opener fail at once, naming the holder; a lock left by a dead process is taken over.
 * Returns the release function.
 */
export function acquireEmbeddedLock(lockFile: string, databaseDir: string): () => void {
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      const fd = openSync(lockFile, 'wx', 0o600);
      const owner: TLockOwner = { pid: process.pid, startedAt: new Date().toISOString(), command: process.argv.slice(1).join(' ') };
      writeSync(fd, JSON.stringify(owner));
      closeSync(fd);
      let released = false;
      return () => {
        if (released) return;
        released = true;
        if (readOwner(lockFile)?.pid === process.pid) unlinkSync(lockFile);
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    const owner = readOwner(lockFile);
    if (owner && owner.pid !== process.pid && isAlive(owner.pid)) {
      throw new DatabaseLockedError(
        `The embedded database ${databaseDir} is in use by process ${owner.pid} (${owner.command || 'unknown command'}, since ${owner.startedAt}).\n` +
          `Only one process may open it. Stop that process first (Ctrl+C in its terminal, or: kill ${owner.pid}),\n` +
          'or set DATABASE_URL to a PostgreSQL server, which any number of processes can share.',
      );
    }
    if (owner?.pid === process.pid) {
      throw new DatabaseLockedError(`The embedded database ${databaseDir} is already open in this process (${process.pid}).`);
    }
    // The holder is gone (or wrote nothing yet and died): the lock is stale.
    try {
      unlinkSync(lockFile);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    }
  }
  throw new DatabaseLockedError(`Could not take the lock ${lockFile}; another process keeps taking it.`);
}
