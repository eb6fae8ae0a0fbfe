import 'server-only';
import { z } from 'zod';
import { zLimit } from '../api/api-schemas';
import { getPrisma } from '../db/get-db';
import { isId } from '../ids/new-id';
import { EVENT_TYPES } from './record-event';
import { serializeEvent } from './serialize-event';

export const ZListEventsQuery = z.strictObject({
  startingAfter: z.string().refine((v) => isId('event', v), { message: 'must be an event id (evt_…)' }).optional(),
  limit: zLimit(20),
  type: z.enum(EVENT_TYPES).optional(),
});

/** The account's events, newest first; ids are ULIDs, so the cursor is simply "older than this id". */
export async function listEvents(accountId: string, { startingAfter, limit, type }: z.infer<typeof ZListEventsQuery>) {
  const rows = await getPrisma().event.findMany({
    where: { accountId, ...(type ? { type } : {}), ...(startingAfter ? { id: { lt: startingAfter } } : {}) },
    orderBy: { id: 'desc' },
    take: limit + 1,
  });
  return {
    object: 'list' as const,
    data: rows.slice(0, limit).map(serializeEvent),
    hasMore: rows.length > limit,
  };
}
