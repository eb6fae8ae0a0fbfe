import type { Prisma } from '../db/generated/client';
import { z } from 'zod';

/** The merchant's own id for a record: what makes a second run skip it instead of creating it twice. */
export const ZImportId = z.string().trim().min(1).max(200);

/** Where a record is written: its own transaction unless the caller's is given; `now` judges what is past. */
export type TImportContext = { tx?: Prisma.TransactionClient; now?: Date };

export type TImportOutcome = { outcome: 'created' | 'skipped'; id: string } | { outcome: 'failed'; reason: string };

// Every record keeps its import id in its metadata, under this key (a customer's is also its externalId, which finds it).
const IMPORT_KEY = 'importId';
export const byImportId = (importId: string) => ({ metadata: { path: [IMPORT_KEY], equals: importId } });

/** The row of `rows` that `importId` names. */
export const rowOfImportId = <T extends { metadata: unknown }>(rows: readonly T[], importId: string): T | undefined =>
  rows.find((row) => (row.metadata as Record<string, unknown> | null)?.[IMPORT_KEY] === importId);

/** A record's metadata with its import id kept in it. */
export const withImportId = <M extends Record<string, string>>(metadata: M | undefined, importId: string) => ({ ...metadata, [IMPORT_KEY]: importId });
