import 'server-only';
import type { z } from 'zod';
import { ApiError } from '../api/errors';
import { listOf, pageArgs } from '../api/list-page';
import { addInterval } from '../billing-engine/add-interval';
import { runEngineThrough } from '../billing-engine/run-engine';
import { getConfig } from '../config/get-config';
import { getPrisma } from '../db/get-db';
import { isId, newId } from '../ids/new-id';
import { serializeTestClock, type ZTestClockCreate, type ZTestClockListQuery } from './test-clock-schemas';

/** An advance left `advancing` this long was dropped by a process that died; another may take over. */
const ABANDONED_AFTER_MS = 10 * 60_000;
const MAX_ADVANCE_YEARS = 5;

/** Test clocks exist outside production mode only; production knows no such route. */
export function assertTestClocksAvailable(): void {
  if (getConfig().mode === 'production') throw new ApiError('not_found', 'Test clocks are not available in production mode.');
}

export async function findTestClockOrThrow(accountId: string, id: string, param = 'id') {
  const clock = isId('testClock', id) ? await getPrisma().testClock.findFirst({ where: { id, accountId } }) : null;
  if (!clock) throw new ApiError('not_found', `No such test clock: ${id}.`, param);
  return clock;
}

export async function createTestClock(accountId: string, input: z.infer<typeof ZTestClockCreate>) {
  const clock = await getPrisma().testClock.create({ data: { id: newId('testClock'), accountId, name: input.name ?? null, frozenTime: new Date(input.frozenTime * 1000) } });
  return serializeTestClock(clock);
}

export async function retrieveTestClock(accountId: string, id: string) {
  return serializeTestClock(await findTestClockOrThrow(accountId, id));
}

export async function listTestClocks(accountId: string, query: z.infer<typeof ZTestClockListQuery>) {
  const page = pageArgs(query);
  const rows = await getPrisma().testClock.findMany({ where: { accountId, ...page.cursor }, orderBy: page.orderBy, take: page.take });
  return listOf(rows, query, serializeTestClock);
}

/**
 * Moves a clock to `frozenTime`, running the engine for its customers at each moment something is
 * due on the way (a renewal at its period's end, a retry on its day), in time order, so that what
 * happens first shapes what comes after (a subscription canceled by its failed retries renews no
 * more). One advance at a time per clock, on any instance.
 */
export async function advanceTestClock(accountId: string, id: string, frozenTimeSeconds: number, realNow = new Date()) {
  const prisma = getPrisma();
  const clock = await findTestClockOrThrow(accountId, id);
  const target = new Date(frozenTimeSeconds * 1000);
  if (target <= clock.frozenTime) throw new ApiError('validation_error', `frozenTime: must be later than the clock's time, ${Math.floor(clock.frozenTime.getTime() / 1000)}.`, 'frozenTime');
  if (target > addInterval(clock.frozenTime, 'year', MAX_ADVANCE_YEARS)) throw new ApiError('validation_error', `frozenTime: a clock moves at most ${MAX_ADVANCE_YEARS} years at once.`, 'frozenTime');

  const { count } = await prisma.testClock.updateMany({
    where: { id: clock.id, accountId, OR: [{ status: 'ready' }, { advancingSince: { lt: new Date(realNow.getTime() - ABANDONED_AFTER_MS) } }] },
    data: { status: 'advancing', advancingSince: realNow },
  });
  if (count !== 1) throw new ApiError('invalid_state', 'This test clock is advancing already; retrieve it until its status is ready.');

  let reached = clock.frozenTime;
  try {
    await runEngineThrough({ clockId: clock.id }, target, {
      from: reached,
      onStep: async (at) => {
        reached = at;
        await prisma.testClock.update({ where: { id: clock.id }, data: { frozenTime: at } });
      },
    });
    reached = target;
  } finally {
    await prisma.testClock.update({ where: { id: clock.id }, data: { frozenTime: reached, status: 'ready', advancingSince: null } });
  }
  return retrieveTestClock(accountId, clock.id);
}
