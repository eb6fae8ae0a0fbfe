import { z } from 'zod';

export const PAGE_SIZE = 20;

/** A cursor is the id of the last row shown; a malformed one reads as the first page. */
export const ZCursor = z
  .string()
  .regex(/^(inv|pay)_[0-9A-HJKMNP-TV-Z]{26}$/)
  .optional()
  .catch(undefined);

export type TPage<T> = { items: T[]; nextCursor: string | null };

export function toPage<T extends { id: string }>(rows: T[], size: number): TPage<T> {
  const items = rows.slice(0, size);
  return { items, nextCursor: rows.length > size ? items.at(-1)!.id : null };
}
