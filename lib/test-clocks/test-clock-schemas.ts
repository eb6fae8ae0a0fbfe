import { z } from 'zod';
import { ZTimestamp, zList, zListQuery } from '../api/api-schemas';
import type { TestClock } from '../db/generated/client';

// Unix seconds between 2000 and 2100: far enough for any test, and a typo in milliseconds is refused.
const ZFrozenTime = z
  .number()
  .int()
  .min(946_684_800, { message: 'must be unix seconds after 2000-01-01' })
  .max(4_102_444_800, { message: 'must be unix seconds before 2100-01-01 (milliseconds are too large)' })
  .meta({ description: 'Unix seconds.' });

export const ZTestClock = z
  .object({
    id: z.string(),
    object: z.literal('test_clock'),
    name: z.string().nullable(),
    frozenTime: z.number().int().meta({ description: 'The clock’s time, in unix seconds: its customers are billed as if it were now.' }),
    status: z.enum(['ready', 'advancing']),
    createdAt: ZTimestamp,
  })
  .meta({ id: 'TestClock' });

export const ZTestClockCreate = z.strictObject({ frozenTime: ZFrozenTime, name: z.string().trim().min(1).max(120).optional() }).meta({ id: 'TestClockCreate' });
export const ZTestClockAdvance = z.strictObject({ frozenTime: ZFrozenTime }).meta({ id: 'TestClockAdvance' });
export const ZTestClockListQuery = zListQuery('testClock', 'test clock', {});
export const ZTestClockList = zList(ZTestClock, 'TestClockList');

export function serializeTestClock(clock: TestClock): z.infer<typeof ZTestClock> {
  return {
    id: clock.id,
    object: 'test_clock',
    name: clock.name,
    frozenTime: Math.floor(clock.frozenTime.getTime() / 1000),
    status: clock.status,
    createdAt: clock.createdAt.toISOString(),
  };
}
