import type { TListQuery } from './api-schemas';

/**
 * The Prisma arguments of one page: ids are ULIDs, so "newest first" is id order, and a cursor is
 * an id comparison. `endingBefore` reads upwards from its cursor, and the page is turned back.
 */
export function pageArgs({ limit, startingAfter, endingBefore }: TListQuery) {
  if (endingBefore) return { cursor: { id: { gt: endingBefore } }, orderBy: { id: 'asc' as const }, take: limit + 1 };
  return { cursor: startingAfter ? { id: { lt: startingAfter } } : {}, orderBy: { id: 'desc' as const }, take: limit + 1 };
}

/** The list object of the rows a `pageArgs` query returned, newest first. */
export function listOf<R, T>(rows: R[], query: TListQuery, serialize: (row: R) => T) {
  const page = rows.slice(0, query.limit);
  if (query.endingBefore) page.reverse();
  return { object: 'list' as const, data: page.map(serialize), hasMore: rows.length > query.limit };
}
