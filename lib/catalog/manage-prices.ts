import 'server-only';
import type { z } from 'zod';
import { assertMetadataFits, mergeMetadata } from '../api/api-schemas';
import { definedFields } from '../api/defined-fields';
import { ApiError } from '../api/errors';
import { listOf, pageArgs } from '../api/list-page';
import type { Prisma, PrismaClient } from '../db/generated/client';
import { getPrisma } from '../db/get-db';
import { inTransaction } from '../db/in-transaction';
import { isUniqueViolation } from '../db/raw-rows';
import { isId, newId } from '../ids/new-id';
import { recordEvent } from '../webhooks/record-event';
import { findProductOrThrow } from './manage-products';
import { serializePrice, type ZPriceCreate, type ZPriceListQuery, type ZPriceUpdate } from './price-schemas';

type TDb = PrismaClient | Prisma.TransactionClient;

export async function findPriceOrThrow(db: TDb, accountId: string, id: string, param = 'id') {
  const price = isId('price', id) ? await db.price.findFirst({ where: { id, accountId } }) : null;
  if (!price) throw new ApiError('not_found', `No such price: ${id}.`, param);
  return price;
}

/**
 * Makes the lookup key free for `priceId`: moved from the price holding it when the request says
 * so, else refused naming that price. The unique index settles two requests racing for one key.
 */
async function claimLookupKey(tx: Prisma.TransactionClient, accountId: string, lookupKey: string, transfer: boolean, priceId?: string) {
  const holder = await tx.price.findFirst({ where: { accountId, lookupKey, ...(priceId ? { NOT: { id: priceId } } : {}) }, select: { id: true } });
  if (!holder) return;
  if (!transfer) {
    throw new ApiError('validation_error', `lookupKey: the price ${holder.id} already uses this lookup key; pass transferLookupKey: true to move it.`, 'lookupKey');
  }
  const moved = await tx.price.update({ where: { id: holder.id }, data: { lookupKey: null } });
  await recordEvent(tx, { accountId, type: 'plugipay.price.updated.v1', object: serializePrice(moved) });
}

export async function createPrice(accountId: string, input: z.infer<typeof ZPriceCreate>, tx?: Prisma.TransactionClient) {
  const write = async (db: Prisma.TransactionClient) => {
    const product = await findProductOrThrow(db, accountId, input.product, 'product');
    if (input.lookupKey) await claimLookupKey(db, accountId, input.lookupKey, input.transferLookupKey ?? false);
    const price = await db.price.create({
      data: {
        id: newId('price'),
        accountId,
        productId: product.id,
        currency: input.currency,
        unitAmount: BigInt(input.unitAmount),
        interval: input.recurring?.interval ?? null,
        intervalCount: input.recurring?.intervalCount ?? 1,
        taxBehavior: input.taxBehavior ?? 'exclusive',
        nickname: input.nickname ?? null,
        lookupKey: input.lookupKey ?? null,
        active: input.active ?? true,
        metadata: assertMetadataFits(mergeMetadata({}, input.metadata)),
      },
    });
    const resource = serializePrice(price);
    await recordEvent(db, { accountId, type: 'plugipay.price.created.v1', object: resource });
    return resource;
  };
  return withLookupKeyRace(() => (inTransaction(tx, write)));
}

export async function retrievePrice(accountId: string, id: string) {
  return serializePrice(await findPriceOrThrow(getPrisma(), accountId, id));
}

export async function updatePrice(accountId: string, id: string, patch: z.infer<typeof ZPriceUpdate>) {
  return withLookupKeyRace(() =>
    getPrisma().$transaction(async (tx) => {
      const current = await findPriceOrThrow(tx, accountId, id);
      if (patch.lookupKey) await claimLookupKey(tx, accountId, patch.lookupKey, patch.transferLookupKey ?? false, current.id);
      const updated = await tx.price.update({
        where: { id: current.id },
        data: {
          ...definedFields(patch, ['nickname', 'lookupKey', 'active']),
          ...(patch.metadata !== undefined ? { metadata: assertMetadataFits(mergeMetadata(current.metadata, patch.metadata)) } : {}),
        },
      });
      const resource = serializePrice(updated);
      await recordEvent(tx, { accountId, type: 'plugipay.price.updated.v1', object: resource });
      return resource;
    }),
  );
}

export async function listPrices(accountId: string, query: z.infer<typeof ZPriceListQuery>) {
  const page = pageArgs(query);
  const rows = await getPrisma().price.findMany({
    where: {
      accountId,
      ...(query.product ? { productId: query.product } : {}),
      ...(query.active !== undefined ? { active: query.active } : {}),
      ...(query.currency ? { currency: query.currency } : {}),
      ...(query.type ? { interval: query.type === 'one_time' ? null : { not: null } } : {}),
      ...(query.lookupKey ? { lookupKey: query.lookupKey } : {}),
      ...page.cursor,
    },
    orderBy: page.orderBy,
    take: page.take,
  });
  return listOf(rows, query, serializePrice);
}

// Two requests that claim one free lookup key at once: the unique index refuses the second.
async function withLookupKeyRace<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (error) {
    if (isUniqueViolation(error)) {
      throw new ApiError('validation_error', 'lookupKey: another price took this lookup key at the same moment; retry.', 'lookupKey');
    }
    throw error;
  }
}
