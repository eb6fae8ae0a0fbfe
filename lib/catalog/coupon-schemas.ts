import { z } from 'zod';
import { readMetadata, ZCurrency, ZMetadata, ZTimestamp, zDeleted, zList, zListQuery, zMinorAmount } from '../api/api-schemas';
import { parseTaxPercentage, taxPercentageNumber } from '../billing/invoice-math/tax-percentage';
import type { Coupon } from '../db/generated/client';

export const ZCoupon = z
  .object({
    id: z.string(),
    object: z.literal('coupon'),
    name: z.string().nullable(),
    percentOff: z.number().nullable(),
    amountOff: z.number().int().nullable(),
    currency: z.string().nullable(),
    duration: z.enum(['once', 'repeating', 'forever']),
    durationInMonths: z.number().int().nullable(),
    maxRedemptions: z.number().int().nullable(),
    redeemBy: ZTimestamp.nullable(),
    timesRedeemed: z.number().int(),
    valid: z.boolean().meta({ description: 'Whether it can still be applied: not past redeemBy nor maxRedemptions.' }),
    metadata: z.record(z.string(), z.string()),
    createdAt: ZTimestamp,
  })
  .meta({ id: 'Coupon' });

// A percentage as Stripe takes it (a JSON number), with at most two decimals so that it is exact.
const ZPercentOff = z
  .number()
  .refine((p) => p > 0 && p <= 100 && /^\d+(\.\d{1,2})?$/.test(String(p)), { message: 'must be more than 0 and at most 100, with at most 2 decimals' });

export const ZCouponCreate = z
  .strictObject({
    name: z.string().trim().min(1).max(40).nullable().optional(),
    percentOff: ZPercentOff.optional(),
    amountOff: zMinorAmount({ min: 1 }).optional(),
    currency: ZCurrency.optional(),
    duration: z.enum(['once', 'repeating', 'forever']),
    durationInMonths: z.number().int().min(1).max(36).optional(),
    maxRedemptions: z.number().int().min(1).max(1_000_000_000).optional(),
    redeemBy: z.iso.datetime({ offset: true }).optional(),
    metadata: ZMetadata.optional(),
  })
  .superRefine((c, ctx) => {
    const issue = (path: string, message: string) => ctx.addIssue({ code: 'custom', path: [path], message, input: c });
    if ((c.percentOff === undefined) === (c.amountOff === undefined)) issue('percentOff', 'give percentOff or amountOff, exactly one');
    else if (c.amountOff !== undefined && !c.currency) issue('currency', 'is required with amountOff');
    else if (c.percentOff !== undefined && c.currency) issue('currency', 'goes only with amountOff');
    if (c.duration === 'repeating' && c.durationInMonths === undefined) issue('durationInMonths', 'is required when duration is repeating');
    if (c.duration !== 'repeating' && c.durationInMonths !== undefined) issue('durationInMonths', 'goes only with duration repeating');
  })
  .meta({ id: 'CouponCreate' });

export const ZCouponListQuery = zListQuery('coupon', 'coupon', {});
export const ZCouponList = zList(ZCoupon, 'CouponList');
export const ZDeletedCoupon = zDeleted('coupon').meta({ id: 'DeletedCoupon' });

/** Ten-thousandths of a percent, as tax rates and the invoice math keep them. */
export function percentOffToStored(percentOff: number): number {
  return parseTaxPercentage(String(percentOff))!;
}

export function isCouponValid(c: Coupon, now: Date): boolean {
  return c.deletedAt === null && (c.redeemBy === null || c.redeemBy > now) && (c.maxRedemptions === null || c.timesRedeemed < c.maxRedemptions);
}

export function serializeCoupon(c: Coupon, now = new Date()): z.infer<typeof ZCoupon> {
  return {
    id: c.id,
    object: 'coupon',
    name: c.name,
    percentOff: c.percentOff === null ? null : taxPercentageNumber(c.percentOff),
    amountOff: c.amountOff === null ? null : Number(c.amountOff),
    currency: c.currency,
    duration: c.duration,
    durationInMonths: c.durationInMonths,
    maxRedemptions: c.maxRedemptions,
    redeemBy: c.redeemBy?.toISOString() ?? null,
    timesRedeemed: c.timesRedeemed,
    valid: isCouponValid(c, now),
    metadata: readMetadata(c.metadata),
    createdAt: c.createdAt.toISOString(),
  };
}
