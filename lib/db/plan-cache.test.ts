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

  it('prepares nothing inside a transaction, and a transaction runs what was prepared outside', async () => {
    const inside = 'SELECT id FROM note WHERE id = $1 AND amount < $2';
    await db.transaction(async (tx) => {
      for (let i = 0; i < 3; i++) expect((await tx.query(inside, ['b', 0])).rows).toEqual([{ id: 'b' }]);
    });
    expect(await preparedStatements()).not.toContainEqual(expect.stringContaining(inside));

    const outside = 'SELECT id FROM note WHERE amount = $1';
    await db.query(outside, [-5]);
    await db.query(outside, [-5]);
    expect(await preparedStatements()).toContainEqual(expect.stringContaining(outside));
    await db.transaction(async (tx) => {
      await tx.query("UPDATE note SET body = 'changed' WHERE id = 'b'");
      expect((await tx.query(outside, [-5])).rows).toEqual([{ id: 'b' }]);
      await tx.rollback();
    });
    expect((await db.query<{ body: string | null }>("SELECT body FROM note WHERE id = 'b'")).rows).toEqual([{ body: null }]);
  });

  it('runs a statement PostgreSQL cannot prepare unnamed, as before, and one with an array value too', async () => {
    // $1 alone has no type until a value is bound: PREPARE refuses it.
    for (let i = 0; i < 3; i++) expect((await db.query<{ v: string }>('SELECT $1 AS v', ['text'])).rows).toEqual([{ v: 'text' }]);
    const arrays = 'SELECT id FROM note WHERE id = ANY($1) ORDER BY id';
    for (let i = 0; i < 3; i++) expect((await db.query(arrays, [['a', 'b']])).rows).toEqual([{ id: 'a' }, { id: 'b' }]);
    expect(await preparedStatements()).not.toContainEqual(expect.stringContaining('ANY($1)'));
  });

  it('passes an error of a prepared statement on as the database raised it', async () => {
    const sql = 'SELECT (amount / $1)::int AS q FROM note WHERE id = $2';
    await db.query(sql, [1, 'b']);
    await db.query(sql, [1, 'b']);
    await expect(db.query(sql, [0, 'b'])).rejects.toMatchObject({ code: '22012' });
  });
});
