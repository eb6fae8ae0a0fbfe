import 'server-only';
import type { z } from 'zod';
import { assertMetadataFits, mergeMetadata } from '../api/api-schemas';
import { ApiError } from '../api/errors';
import { listOf, pageArgs } from '../api/list-page';
import type { Prisma, PrismaClient } from '../db/generated/client';
import { getPrisma } from '../db/get-db';
import { inTransaction } from '../db/in-transaction';
import { isId, newId } from '../ids/new-id';
import { recordEvent } from '../webhooks/record-event';
import { percentOffToStored, serializeCoupon, type ZCouponCreate, type ZCouponListQuery } from './coupon-schemas';

type TDb = PrismaClient | Prisma.TransactionClient;

/** A coupon of the account that has not been deleted, or the API's 404. */
export async function findCouponOrThrow(db: TDb, accountId: string, id: string, param = 'id') {
  const coupon = isId('coupon', id) ? await db.coupon.findFirst({ where: { id, accountId, deletedAt: null } }) : null;
  if (!coupon) throw new ApiError('not_found', `No such coupon: ${id}.`, param);
  return coupon;
}

export async function createCoupon(accountId: string, input: z.infer<typeof ZCouponCreate>, { tx, now = new Date() }: { tx?: Prisma.TransactionClient; now?: Date } = {}) {
  const redeemBy = input.redeemBy ? new Date(input.redeemBy) : null;
  if (redeemBy && redeemBy <= now) throw new ApiError('validation_error', 'redeemBy: must be in the future.', 'redeemBy');
  const write = async (db: Prisma.TransactionClient) => {
    const coupon = await db.coupon.create({
      data: {
        id: newId('coupon'),
        accountId,
        name: input.name ?? null,
        percentOff: input.percentOff === undefined ? null : percentOffToStored(input.percentOff),
        amountOff: input.amountOff === undefined ? null : BigInt(input.amountOff),
        currency: input.currency ?? null,
        duration: input.duration,
        durationInMonths: input.durationInMonths ?? null,
        maxRedemptions: input.maxRedemptions ?? null,
        redeemBy,
        metadata: assertMetadataFits(mergeMetadata({}, input.metadata)),
      },
    });
    const resource = serializeCoupon(coupon, now);
    await recordEvent(db, { accountId, type: 'plugipay.coupon.created.v1', object: resource });
    return resource;
  };
  return inTransaction(tx, write);
}

export async function retrieveCoupon(accountId: string, id: string) {
  return serializeCoupon(await findCouponOrThrow(getPrisma(), accountId, id));
}

export async function listCoupons(accountId: string, query: z.infer<typeof ZCouponListQuery>) {
  const page = pageArgs(query);
  const rows = await getPrisma().coupon.findMany({ where: { accountId, deletedAt: null, ...page.cursor }, orderBy: page.orderBy, take: page.take });
  const now = new Date();
  return listOf(rows, query, (c) => serializeCoupon(c, now));
}

/** No new subscription can take it; the ones that hold it keep their discount, as Stripe's. */
export async function deleteCoupon(accountId: string, id: string, now = new Date()) {
  return getPrisma().$transaction(async (tx) => {
    const coupon = await findCouponOrThrow(tx, accountId, id);
    const { count } = await tx.coupon.updateMany({ where: { id: coupon.id, deletedAt: null }, data: { deletedAt: now } });
    if (count === 1) await recordEvent(tx, { accountId, type: 'plugipay.coupon.deleted.v1', object: serializeCoupon({ ...coupon, deletedAt: now }, now) });
    return { id: coupon.id, object: 'coupon' as const, deleted: true as const };
  });
}
