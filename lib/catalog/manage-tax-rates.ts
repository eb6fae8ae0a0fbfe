import 'server-only';
import type { z } from 'zod';
import { assertMetadataFits, mergeMetadata } from '../api/api-schemas';
import { definedFields } from '../api/defined-fields';
import { ApiError } from '../api/errors';
import { listOf, pageArgs } from '../api/list-page';
import { parseTaxPercentage } from '../billing/invoice-math/tax-percentage';
import type { Prisma, PrismaClient } from '../db/generated/client';
import { getPrisma } from '../db/get-db';
import { inTransaction } from '../db/in-transaction';
import { isId, newId } from '../ids/new-id';
import { recordEvent } from '../webhooks/record-event';
import { serializeTaxRate, type ZTaxRateCreate, type ZTaxRateListQuery, type ZTaxRateUpdate } from './tax-rate-schemas';

type TDb = PrismaClient | Prisma.TransactionClient;

export async function findTaxRateOrThrow(db: TDb, accountId: string, id: string, param = 'id') {
  const rate = isId('taxRate', id) ? await db.taxRate.findFirst({ where: { id, accountId } }) : null;
  if (!rate) throw new ApiError('not_found', `No such tax rate: ${id}.`, param);
  return rate;
}

export async function createTaxRate(accountId: string, input: z.infer<typeof ZTaxRateCreate>, tx?: Prisma.TransactionClient) {
  const write = async (db: Prisma.TransactionClient) => {
    const rate = await db.taxRate.create({
      data: {
        id: newId('taxRate'),
        accountId,
        displayName: input.displayName,
        description: input.description ?? null,
        percentage: parseTaxPercentage(input.percentage)!,
        inclusive: input.inclusive,
        country: input.country ?? null,
        active: input.active ?? true,
        metadata: assertMetadataFits(mergeMetadata({}, input.metadata)),
      },
    });
    const resource = serializeTaxRate(rate);
    await recordEvent(db, { accountId, type: 'plugipay.tax_rate.created.v1', object: resource });
    return resource;
  };
  return inTransaction(tx, write);
}

export async function retrieveTaxRate(accountId: string, id: string) {
  return serializeTaxRate(await findTaxRateOrThrow(getPrisma(), accountId, id));
}

export async function updateTaxRate(accountId: string, id: string, patch: z.infer<typeof ZTaxRateUpdate>) {
  return getPrisma().$transaction(async (tx) => {
    const current = await findTaxRateOrThrow(tx, accountId, id);
    const updated = await tx.taxRate.update({
      where: { id: current.id },
      data: {
        ...definedFields(patch, ['displayName', 'description', 'country', 'active']),
        ...(patch.metadata !== undefined ? { metadata: assertMetadataFits(mergeMetadata(current.metadata, patch.metadata)) } : {}),
      },
    });
    const resource = serializeTaxRate(updated);
    await recordEvent(tx, { accountId, type: 'plugipay.tax_rate.updated.v1', object: resource });
    return resource;
  });
}

export async function listTaxRates(accountId: string, query: z.infer<typeof ZTaxRateListQuery>) {
  const page = pageArgs(query);
  const rows = await getPrisma().taxRate.findMany({
    where: {
      accountId,
      ...(query.active !== undefined ? { active: query.active } : {}),
      ...(query.inclusive !== undefined ? { inclusive: query.inclusive } : {}),
      ...page.cursor,
    },
    orderBy: page.orderBy,
    take: page.take,
  });
  return listOf(rows, query, serializeTaxRate);
}
