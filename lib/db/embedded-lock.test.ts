import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, inject, it } from 'vitest';
import { newId } from '../ids/new-id';
import { DatabaseLockedError } from './embedded-lock';
import { openDatabase } from './open-database';

const TSX = [process.execPath, '--import', 'tsx', '--conditions=react-server'];
const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

function tempDir() {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'plugipay-lock-'));
  dirs.push(dir);
  return dir;
}

function startHolder(dataDir: string, accountId: string) {
  const child = spawn(TSX[0]!, [...TSX.slice(1), 'lib/testing/hold-embedded-database.ts'], {
    env: { ...process.env, DATA_DIR: dataDir, HOLDER_ACCOUNT_ID: accountId },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const ready = new Promise<void>((resolve, reject) => {
    child.stdout.on('data', (chunk: Buffer) => chunk.toString().includes('ready') && resolve());
    child.once('exit', (code) => reject(new Error(`holder exited early with ${code}`)));
  });
  return { child, ready };
}

describe('the embedded database lock', () => {
  it('makes a second process fail at once, naming the holder, and leaves the data intact', async () => {
    const dataDir = tempDir();
    const accountId = newId('account');
    const holder = startHolder(dataDir, accountId);
    await holder.ready;

    const second = spawnSync(TSX[0]!, [...TSX.slice(1), 'lib/cli/db-migrate.ts'], {
      env: { ...process.env, DATA_DIR: dataDir, DATABASE_URL: '' },
      encoding: 'utf8',
      timeout: 30_000,
    });
    expect(second.status).toBe(1);
    expect(second.stderr).toContain(`is in use by process ${holder.child.pid}`);
    expect(second.stderr).toContain(`kill ${holder.child.pid}`);
    expect(second.stderr).toContain('DATABASE_URL');

    expect(() => openDatabase({ dataDir })).toThrow(DatabaseLockedError);

    const exited = new Promise((resolve) => holder.child.once('exit', resolve));
    holder.child.kill('SIGTERM');
    expect(await exited).toBe(0);
    expect(existsSync(path.join(dataDir, 'pglite.lock'))).toBe(false);

    const db = openDatabase({ dataDir });
    try {
      expect(await db.prisma.account.findUnique({ where: { id: accountId } })).toMatchObject({ name: 'Held' });
    } finally {
      await db.close();
    }
  });

  it('takes over a lock left by a process that died', async () => {
    const dataDir = tempDir();
    const dead = spawnSync(process.execPath, ['-e', 'process.pid']);
    writeFileSync(path.join(dataDir, 'pglite.lock'), JSON.stringify({ pid: dead.pid, startedAt: 'then', command: 'gone' }));
    const db = openDatabase({ dataDir });
    await db.sql.query('SELECT 1');
    await db.close();
    expect(existsSync(path.join(dataDir, 'pglite.lock'))).toBe(false);
  });

  it('goes to exactly one of two processes that take it at the same instant, 200 times over', async () => {
    const racers = [0, 1].map(() => {
      const child = spawn(TSX[0]!, [...TSX.slice(1), 'lib/testing/race-embedded-lock.ts'], { stdio: ['pipe', 'pipe', 'inherit'] });
      const waiting = new Map<string, (line: string) => void>();
      let buffered = '';
      child.stdout.on('data', (chunk: Buffer) => {
        buffered += chunk.toString();
        const lines = buffered.split('\n');
        buffered = lines.pop()!;
        for (const line of lines) {
          const dir = line.slice(line.indexOf(' ') + 1);
          waiting.get(`${line.split(' ')[0] === 'released' ? 'release' : 'take'} ${dir}`)?.(line.split(' ')[0]!);
        }
      });
      const ask = (verb: 'take' | 'release', dir: string) =>
        new Promise<string>((resolve) => {
          waiting.set(`${verb} ${dir}`, resolve);
          child.stdin.write(`${verb} ${dir}\n`);
        });
      return { child, ask };
    });
    try {
      const winners: number[] = [];
      for (let round = 0; round < 200; round++) {
        const dir = tempDir();
        const answers = await Promise.all(racers.map((r) => r.ask('take', dir)));
        expect(answers.filter((a) => a === 'acquired'), `round ${round}: ${answers.join(', ')}`).toHaveLength(1);
        const winner = answers.indexOf('acquired');
        winners.push(winner);
        await racers[winner]!.ask('release', dir);
      }
    } finally {
      for (const r of racers) r.child.kill();
    }
  }, 120_000);

  it('stays with its holder when the lock file is deleted under it: a second opener is still refused', async () => {
    const dataDir = tempDir();
    const holder = startHolder(dataDir, newId('account'));
    await holder.ready;
    try {
      rmSync(path.join(dataDir, 'pglite.lock'));
      expect(() => openDatabase({ dataDir })).toThrow(DatabaseLockedError);
    } finally {
      const exited = new Promise((resolve) => holder.child.once('exit', resolve));
      holder.child.kill('SIGTERM');
      await exited;
    }
    const db = openDatabase({ dataDir });
    await db.close();
  });

  it('takes over a lock whose pid now belongs to an unrelated live process', async () => {
    const dataDir = tempDir();
    // The test runner is alive, but it is not the process that wrote the lock.
    writeFileSync(path.join(dataDir, 'pglite.lock'), JSON.stringify({ pid: process.ppid, startedAt: 'then', command: 'gone', processStart: 'another-boot:1' }));
    const db = openDatabase({ dataDir });
    await db.sql.query('SELECT 1');
    await db.close();
  });

  it.skipIf(Boolean(process.env.DATABASE_URL))('keeps a seed from opening the database of a running server', async () => {
    const dataDir = inject('dataDir');
    const seed = spawnSync(TSX[0]!, [...TSX.slice(1), 'lib/cli/db-seed.ts'], {
      env: { ...process.env, DATA_DIR: dataDir, DATABASE_URL: '', DEMO_CREDENTIALS_PATH: path.join(tempDir(), 'c.json') },
      encoding: 'utf8',
      timeout: 30_000,
    });
    expect(seed.status).toBe(1);
    expect(seed.stderr).toContain(`is in use by process ${inject('serverPid')}`);
    const health = await fetch(`${inject('baseUrl')}/api/health`);
    expect(await health.json()).toMatchObject({ status: 'ok', database: { kind: 'embedded', ok: true } });
  });
});
