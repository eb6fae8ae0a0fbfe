import 'server-only';
import type { z } from 'zod';
import { assertMetadataFits, mergeMetadata } from '../api/api-schemas';
import { definedFields } from '../api/defined-fields';
import { ApiError } from '../api/errors';
import { listOf, pageArgs } from '../api/list-page';
import type { Prisma, PrismaClient } from '../db/generated/client';
import { getPrisma } from '../db/get-db';
import { inTransaction } from '../db/in-transaction';
import { isId, newId } from '../ids/new-id';
import { recordEvent } from '../webhooks/record-event';
import { serializeProduct, type ZProductCreate, type ZProductListQuery, type ZProductUpdate } from './product-schemas';

type TDb = PrismaClient | Prisma.TransactionClient;

export async function findProductOrThrow(db: TDb, accountId: string, id: string, param = 'id') {
  const product = isId('product', id) ? await db.product.findFirst({ where: { id, accountId } }) : null;
  if (!product) throw new ApiError('not_found', `No such product: ${id}.`, param);
  return product;
}

export async function createProduct(accountId: string, input: z.infer<typeof ZProductCreate>, tx?: Prisma.TransactionClient) {
  const write = async (db: Prisma.TransactionClient) => {
    const product = await db.product.create({
      data: { id: newId('product'), accountId, name: input.name, description: input.description ?? null, active: input.active ?? true, metadata: assertMetadataFits(mergeMetadata({}, input.metadata)) },
    });
    const resource = serializeProduct(product);
    await recordEvent(db, { accountId, type: 'plugipay.product.created.v1', object: resource });
    return resource;
  };
  return inTransaction(tx, write);
}

export async function retrieveProduct(accountId: string, id: string) {
  return serializeProduct(await findProductOrThrow(getPrisma(), accountId, id));
}

export async function updateProduct(accountId: string, id: string, patch: z.infer<typeof ZProductUpdate>) {
  return getPrisma().$transaction(async (tx) => {
    const current = await findProductOrThrow(tx, accountId, id);
    const updated = await tx.product.update({
      where: { id: current.id },
      data: {
        ...definedFields(patch, ['name', 'description', 'active']),
        ...(patch.metadata !== undefined ? { metadata: assertMetadataFits(mergeMetadata(current.metadata, patch.metadata)) } : {}),
      },
    });
    const resource = serializeProduct(updated);
    await recordEvent(tx, { accountId, type: 'plugipay.product.updated.v1', object: resource });
    return resource;
  });
}

export async function listProducts(accountId: string, query: z.infer<typeof ZProductListQuery>) {
  const page = pageArgs(query);
  const rows = await getPrisma().product.findMany({
    where: { accountId, ...(query.active !== undefined ? { active: query.active } : {}), ...page.cursor },
    orderBy: page.orderBy,
    take: page.take,
  });
  return listOf(rows, query, serializeProduct);
}
