import 'server-only';
import { createHash } from 'node:crypto';
import { linkSync, readFileSync, realpathSync, unlinkSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';

export class DatabaseLockedError extends Error {
  override name = 'DatabaseLockedError';
}

type TLockOwner = { pid: number; startedAt: string; command: string; processStart?: string };

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** When the kernel started this process (Linux: boot id and start time in ticks); pid reuse changes it. */
function processStart(pid: number): string | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name (field 2) may hold spaces and parentheses: count fields after its last ')'.
    const startTicks = stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19];
    return `${readFileSync('/proc/sys/kernel/random/boot_id', 'utf8').trim()}:${startTicks}`;
  } catch {
    return undefined;
  }
}

function readOwner(lockFile: string): TLockOwner | undefined {
  try {
    return JSON.parse(readFileSync(lockFile, 'utf8')) as TLockOwner;
  } catch {
    return undefined;
  }
}

/** Whether the lock file's owner still runs: alive, and (where the kernel says) the very same process. */
function ownerRuns(owner: TLockOwner): boolean {
  if (!isAlive(owner.pid)) return false;
  const now = processStart(owner.pid);
  return !owner.processStart || !now || owner.processStart === now;
}

function lockedError(databaseDir: string, owner: TLockOwner | undefined): DatabaseLockedError {
  const who = owner ? `process ${owner.pid} (${owner.command || 'unknown command'}, since ${owner.startedAt})` : 'another process';
  const stop = owner ? `Stop that process first (Ctrl+C in its terminal, or: kill ${owner.pid}),\n` : 'Stop that process first,\n';
  return new DatabaseLockedError(
    `The embedded database ${databaseDir} is in use by ${who}.\n` +
      `Only one process may open it. ${stop}` +
      'or set DATABASE_URL to a PostgreSQL server, which any number of processes can share.',
  );
}

/**
 * The part of the lock the kernel holds (Linux): an abstract Unix socket named after the folder.
 * Only one process can bind it, it cannot be deleted, and it goes when its process dies, however
 * it dies. Binding a Unix socket happens within listen(), so the answer is known at once.
 */
function holdKernelGuard(databaseDir: string): (() => void) | 'held' {
  if (process.platform !== 'linux') return () => undefined;
  let real = databaseDir;
  try {
    real = realpathSync(path.dirname(databaseDir));
  } catch {
    // a folder not created yet is named as given
  }
  const name = `\0plugipay-pglite-${createHash('sha256').update(path.join(real, path.basename(databaseDir))).digest('hex').slice(0, 40)}`;
  const guard = net.createServer();
  guard.on('error', () => undefined);
  guard.listen({ path: name });
  if (!guard.listening) return 'held';
  guard.unref();
  return () => guard.close();
}

/**
 * PGlite does not lock its folder, and two processes writing one folder corrupt it. The second
 * opener fails at once, naming the holder. Two parts: the kernel's guard (above), which makes a
 * second opener impossible while the first lives even if the lock file is deleted; and the lock
 * file, which names the holder and covers processes the guard cannot see (other systems, other
 * network namespaces). The file is created complete or not at all (written aside, then linked into
 * place), and a file whose process is gone, or whose pid now belongs to another process, is stale.
 * Returns the release function.
 */
export function acquireEmbeddedLock(lockFile: string, databaseDir: string): () => void {
  const releaseGuard = holdKernelGuard(databaseDir);
  if (releaseGuard === 'held') throw lockedError(databaseDir, readOwner(lockFile));
  const owner: TLockOwner = { pid: process.pid, startedAt: new Date().toISOString(), command: process.argv.slice(1).join(' '), processStart: processStart(process.pid) };
  const aside = `${lockFile}.${process.pid}.tmp`;
  writeFileSync(aside, JSON.stringify(owner), { mode: 0o600 });
  try {
    for (let attempt = 0; attempt < 3; attempt++) {
      try {
        linkSync(aside, lockFile);
        let released = false;
        return () => {
          if (released) return;
          released = true;
          if (readOwner(lockFile)?.pid === process.pid) unlinkSync(lockFile);
          releaseGuard();
        };
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      }
      const current = readOwner(lockFile);
      if (current?.pid === process.pid) throw new DatabaseLockedError(`The embedded database ${databaseDir} is already open in this process (${process.pid}).`);
      if (current && ownerRuns(current)) throw lockedError(databaseDir, current);
      // The holder is gone, or its pid was reused by an unrelated process: the lock is stale.
      try {
        unlinkSync(lockFile);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
      }
    }
    throw new DatabaseLockedError(`Could not take the lock ${lockFile}; another process keeps taking it.`);
  } catch (error) {
    releaseGuard();
    throw error;
  } finally {
    unlinkSync(aside);
  }
}
