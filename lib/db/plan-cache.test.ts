import { PGlite } from '@electric-sql/pglite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withPlanCache } from './plan-cache';

let raw: PGlite;
let db: PGlite;

beforeAll(async () => {
  raw = new PGlite();
  await raw.exec(`
    CREATE TABLE note (id text PRIMARY KEY, body text, amount bigint, due timestamp(3), paid boolean, tags jsonb);
    INSERT INTO note VALUES
      ('a', 'it''s \\ fine', 9007199254740993, '2026-11-29 10:00:00', true, '{"k": "v"}'),
      ('b', NULL, -5, '2026-12-01 00:00:00', false, '[]');
  `);
  db = withPlanCache(raw);
}, 60_000);
afterAll(() => raw?.close());

const preparedStatements = async () => (await raw.query<{ statement: string }>('SELECT statement FROM pg_prepared_statements')).rows.map((r) => r.statement);

describe('the embedded database with its plans kept', () => {
  it('answers a statement it prepared exactly as it answered it unprepared, for every kind of value', async () => {
    const sql = 'SELECT id, body, amount, due, paid, tags FROM note WHERE body = $1 OR amount > $2 OR due >= $3 OR paid = $4 OR id = $5 ORDER BY id';
    const params = ["it's \\ fine", 9007199254740992n, new Date('2026-12-01T00:00:00Z'), false, null];
    const first = await db.query(sql, params);
    const second = await db.query(sql, params);
    const third = await db.query(sql, params);
    expect(await preparedStatements()).toContainEqual(expect.stringContaining('WHERE body = $1 OR amount > $2'));
    expect(first.rows).toHaveLength(2);
    expect(second.rows).toEqual(first.rows);
    expect(third.rows).toEqual(first.rows);
    expect(third.fields).toEqual(first.fields);
  });

  it('keeps a quote or a backslash in a value a value, never SQL', async () => {
    const sql = 'SELECT count(*)::int AS n FROM note WHERE body = $1';
    for (let i = 0; i < 3; i++) expect((await db.query<{ n: number }>(sql, ["x'); DROP TABLE note; --"])).rows).toEqual([{ n: 0 }]);
    expect((await db.query<{ n: number }>(sql, ["it's \\ fine"])).rows).toEqual([{ n: 1 }]);
    expect((await raw.query('SELECT 1 FROM note')).rows).toHaveLength(2);
  });

  it('prepares inside a transaction without disturbing it, and the plan outlives its rollback', async () => {
    const inside = 'SELECT id FROM note WHERE id = $1 AND amount < $2';
    await db.transaction(async (tx) => {
      await tx.query("UPDATE note SET body = 'changed' WHERE id = 'b'");
      for (let i = 0; i < 3; i++) expect((await tx.query(inside, ['b', 0])).rows).toEqual([{ id: 'b' }]);
      expect((await tx.query<{ body: string }>("SELECT body FROM note WHERE id = 'b'")).rows).toEqual([{ body: 'changed' }]);
      await tx.rollback();
    });
    expect(await preparedStatements()).toContainEqual(expect.stringContaining(inside));
    expect((await db.query<{ body: string | null }>("SELECT body FROM note WHERE id = 'b'")).rows).toEqual([{ body: null }]);
    expect((await db.query(inside, ['b', 0])).rows).toEqual([{ id: 'b' }]);
  });

  it('answers a statement PostgreSQL refuses to prepare with its own error, and runs one with an array value unnamed', async () => {
    for (let i = 0; i < 3; i++) await expect(db.query('SELECT * FROM missing WHERE id = $1', ['a'])).rejects.toMatchObject({ code: '42P01' });
    await expect(db.transaction(async (tx) => {
      await tx.query('SELECT 1 FROM missing WHERE id = $1', ['a']).catch(() => undefined);
      return tx.query('SELECT 1 FROM missing WHERE id = $1', ['a']);
    })).rejects.toMatchObject({ code: '25P02' });
    const arrays = 'SELECT id FROM note WHERE id = ANY($1) ORDER BY id';
    for (let i = 0; i < 3; i++) expect((await db.query(arrays, [['a', 'b']])).rows).toEqual([{ id: 'a' }, { id: 'b' }]);
    expect(await preparedStatements()).not.toContainEqual(expect.stringContaining('ANY($1)'));
  });

  it('counts the rows a prepared change touched, and returns what it RETURNING names', async () => {
    const update = 'UPDATE note SET amount = amount + $1 WHERE id = $2 OR id = $3';
    const counts: (number | undefined)[] = [];
    for (let i = 0; i < 3; i++) counts.push((await db.query(update, [1, 'a', 'b'])).affectedRows);
    expect(await preparedStatements()).toContainEqual(expect.stringContaining(update));
    expect(counts).toEqual([2, 2, 2]);
    const insert = 'WITH added AS (INSERT INTO note (id, body) VALUES ($1, $2) RETURNING id, body) SELECT * FROM added';
    for (const id of ['c', 'd', 'e']) expect((await db.query(insert, [id, `${id}'s`])).rows).toEqual([{ id, body: `${id}'s` }]);
    expect(await preparedStatements()).toContainEqual(expect.stringContaining('INSERT INTO note'));
    const remove = 'DELETE FROM note WHERE id = $1';
    expect([(await db.query(remove, ['c'])).affectedRows, (await db.query(remove, ['d'])).affectedRows, (await db.query(remove, ['zz'])).affectedRows]).toEqual([1, 1, 0]);
    await db.query("DELETE FROM note WHERE id = 'e'");
  });

  it('passes an error of a prepared statement on as the database raised it', async () => {
    const sql = 'SELECT (amount / $1)::int AS q FROM note WHERE id = $2';
    await db.query(sql, [1, 'b']);
    await db.query(sql, [1, 'b']);
    await expect(db.query(sql, [0, 'b'])).rejects.toMatchObject({ code: '22012' });
  });
});
