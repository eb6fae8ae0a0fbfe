import 'server-only';
import { notFound } from 'next/navigation';
import { ApiError } from '../api/errors';
import { isId, type TIdKind } from '../ids/new-id';

/** A portal page's object, or the 404 page for an id that is malformed or not this customer's. */
export async function loadOrNotFound<T>(kind: TIdKind, id: string, load: (id: string) => Promise<T>): Promise<T> {
  if (!isId(kind, id)) notFound();
  try {
    return await load(id);
  } catch (error) {
    if (error instanceof ApiError && error.code === 'not_found') notFound();
    throw error;
  }
}
