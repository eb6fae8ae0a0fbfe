import 'server-only';
import { z } from 'zod';
import { zIdOf } from '../api/api-schemas';
import { ApiError } from '../api/errors';
import { findCouponOrThrow } from '../catalog/manage-coupons';
import { getPrisma } from '../db/get-db';
import { LOCALES } from '../i18n/locales';
import { CUSTOMER_FIELDS } from '../portal/customer-fields';
import { loadPortalFeatures, type TPortalFeatures } from '../portal/load-portal-features';

const enabled = z.strictObject({ enabled: z.boolean() });

/** PATCH body: any subset of the contract's shape; what is left out stays as it is. */
export const ZPortalConfigurationPatch = z.strictObject({
  features: z
    .strictObject({
      invoiceHistory: enabled.optional(),
      paymentMethodUpdate: enabled.optional(),
      subscriptionCancel: z
        .strictObject({
          enabled: z.boolean().optional(),
          mode: z.enum(['at_period_end', 'immediately']).optional(),
          reasons: z.array(z.string().regex(/^[a-z0-9_]{1,64}$/, { message: 'must be lowercase snake_case codes' })).max(20).optional(),
          retentionCoupon: zIdOf('coupon', 'coupon').nullable().optional().meta({ description: 'A coupon the cancel dialog offers to stay (accepted once per subscription, applied instead of cancelling); null: no offer.' }),
        })
        .optional(),
      subscriptionResume: enabled.optional(),
      invoicePayment: enabled.optional(),
      subscriptionPause: z.strictObject({ enabled: z.boolean().optional(), maxPeriods: z.number().int().min(1).max(12).optional() }).optional(),
      subscriptionUpdate: z
        .strictObject({
          enabled: z.boolean().optional(),
          products: z
            .array(z.strictObject({ product: zIdOf('product', 'product'), prices: z.array(zIdOf('price', 'price')).min(1).max(20) }))
            .max(10)
            .optional()
            .meta({ description: 'The products and prices a customer may switch to, in the order shown; each price recurring, active and of its product. Replaces the list.' }),
          quantity: z
            .strictObject({ enabled: z.boolean().optional(), min: z.number().int().min(1).max(100_000).optional(), max: z.number().int().min(1).max(100_000).optional() })
            .optional(),
          prorationBehavior: z.enum(['create_prorations', 'none', 'always_invoice']).optional(),
          downgradeTiming: z.enum(['now', 'period_end']).optional().meta({ description: 'When a change to a cheaper plan takes effect: now, or when the period already paid for ends.' }),
        })
        .optional(),
      resubscribe: enabled.optional(),
      customerUpdate: z
        .strictObject({
          enabled: z.boolean().optional(),
          allowedUpdates: z.array(z.enum(CUSTOMER_FIELDS)).max(CUSTOMER_FIELDS.length).optional(),
        })
        .optional(),
    })
    .optional(),
  defaultLocale: z.enum(LOCALES).optional(),
});

export function serializePortalConfiguration(f: TPortalFeatures) {
  return {
    object: 'portal_configuration' as const,
    features: {
      invoiceHistory: { enabled: f.invoiceHistory },
      paymentMethodUpdate: { enabled: f.paymentMethodUpdate },
      subscriptionCancel: { enabled: f.subscriptionCancel, mode: f.cancelMode, reasons: f.cancellationReasons, retentionCoupon: f.retentionCoupon },
      subscriptionResume: { enabled: f.subscriptionResume },
      invoicePayment: { enabled: f.invoicePayment },
      subscriptionPause: { enabled: f.subscriptionPause, maxPeriods: f.pauseMaxPeriods },
      customerUpdate: { enabled: f.customerUpdate, allowedUpdates: f.customerAllowedUpdates },
      resubscribe: { enabled: f.resubscribe },
      subscriptionUpdate: {
        enabled: f.subscriptionUpdate,
        products: f.updateProducts,
        quantity: f.updateQuantity,
        prorationBehavior: f.updateProrationBehavior,
        downgradeTiming: f.updateDowngradeTiming,
      },
    },
    defaultLocale: f.defaultLocale,
  };
}

export async function updatePortalConfiguration(accountId: string, patch: z.infer<typeof ZPortalConfigurationPatch>) {
  const f = patch.features;
  const update = f?.subscriptionUpdate;
  if (update) await checkUpdateTerms(accountId, update);
  const retentionCoupon = f?.subscriptionCancel?.retentionCoupon;
  if (retentionCoupon) await findCouponOrThrow(getPrisma(), accountId, retentionCoupon, 'features.subscriptionCancel.retentionCoupon');
  const data = {
    ...(f?.invoiceHistory ? { invoiceHistoryEnabled: f.invoiceHistory.enabled } : {}),
    ...(f?.paymentMethodUpdate ? { paymentMethodUpdateEnabled: f.paymentMethodUpdate.enabled } : {}),
    ...(f?.subscriptionCancel?.enabled !== undefined ? { subscriptionCancelEnabled: f.subscriptionCancel.enabled } : {}),
    ...(f?.subscriptionCancel?.mode ? { subscriptionCancelMode: f.subscriptionCancel.mode } : {}),
    ...(f?.subscriptionCancel?.reasons ? { cancellationReasons: f.subscriptionCancel.reasons } : {}),
    ...(retentionCoupon !== undefined ? { retentionCouponId: retentionCoupon } : {}),
    ...(f?.subscriptionResume ? { subscriptionResumeEnabled: f.subscriptionResume.enabled } : {}),
    ...(f?.invoicePayment ? { invoicePaymentEnabled: f.invoicePayment.enabled } : {}),
    ...(f?.subscriptionPause?.enabled !== undefined ? { subscriptionPauseEnabled: f.subscriptionPause.enabled } : {}),
    ...(f?.subscriptionPause?.maxPeriods ? { subscriptionPauseMaxPeriods: f.subscriptionPause.maxPeriods } : {}),
    ...(f?.customerUpdate?.enabled !== undefined ? { customerUpdateEnabled: f.customerUpdate.enabled } : {}),
    ...(f?.customerUpdate?.allowedUpdates ? { customerAllowedUpdates: [...new Set(f.customerUpdate.allowedUpdates)] } : {}),
    ...(update?.enabled !== undefined ? { subscriptionUpdateEnabled: update.enabled } : {}),
    ...(update?.products ? { subscriptionUpdateProducts: update.products.map((p) => ({ product: p.product, prices: [...new Set(p.prices)] })) } : {}),
    ...(update?.quantity?.enabled !== undefined ? { updateQuantityEnabled: update.quantity.enabled } : {}),
    ...(update?.quantity?.min ? { updateQuantityMin: update.quantity.min } : {}),
    ...(update?.quantity?.max ? { updateQuantityMax: update.quantity.max } : {}),
    ...(update?.prorationBehavior ? { updateProrationBehavior: update.prorationBehavior } : {}),
    ...(update?.downgradeTiming ? { updateDowngradeTiming: update.downgradeTiming } : {}),
    ...(f?.resubscribe ? { resubscribeEnabled: f.resubscribe.enabled } : {}),
    ...(patch.defaultLocale ? { defaultLocale: patch.defaultLocale } : {}),
  };
  await getPrisma().portalConfiguration.upsert({ where: { accountId }, update: data, create: { accountId, ...data } });
  return serializePortalConfiguration(await loadPortalFeatures(accountId));
}

type TUpdatePatch = NonNullable<NonNullable<z.infer<typeof ZPortalConfigurationPatch>['features']>['subscriptionUpdate']>;

/**
 * What a customer may switch to must exist in this account's catalog as a plan: each product the
 * account's, each price recurring, active and of the product it is listed under; and the seat bounds,
 * merged with those kept, must hold a quantity.
 */
async function checkUpdateTerms(accountId: string, update: TUpdatePatch) {
  const prisma = getPrisma();
  if (update.quantity?.min !== undefined || update.quantity?.max !== undefined) {
    const kept = (await loadPortalFeatures(accountId)).updateQuantity;
    const min = update.quantity.min ?? kept.min;
    const max = update.quantity.max ?? kept.max;
    if (min > max) throw new ApiError('validation_error', `features.subscriptionUpdate.quantity: min (${min}) is above max (${max}).`, 'features.subscriptionUpdate.quantity');
  }
  if (!update.products) return;
  const products = new Set(update.products.map((p) => p.product));
  if (products.size !== update.products.length) throw new ApiError('validation_error', 'features.subscriptionUpdate.products: each product is listed once.', 'features.subscriptionUpdate.products');
  const priceIds = update.products.flatMap((p) => p.prices);
  const [foundProducts, prices] = await Promise.all([
    prisma.product.findMany({ where: { accountId, id: { in: [...products] } }, select: { id: true } }),
    prisma.price.findMany({ where: { accountId, id: { in: priceIds } }, select: { id: true, productId: true, interval: true, active: true } }),
  ]);
  for (const [n, listed] of update.products.entries()) {
    const param = `features.subscriptionUpdate.products.${n}`;
    if (!foundProducts.some((p) => p.id === listed.product)) throw new ApiError('not_found', `No such product: ${listed.product}.`, `${param}.product`);
    for (const id of listed.prices) {
      const price = prices.find((p) => p.id === id);
      if (!price) throw new ApiError('not_found', `No such price: ${id}.`, `${param}.prices`);
      if (price.productId !== listed.product) throw new ApiError('validation_error', `The price ${id} belongs to ${price.productId}, not ${listed.product}.`, `${param}.prices`);
      if (!price.interval) throw new ApiError('validation_error', `The price ${id} is one-time; a subscription can only switch to a recurring price.`, `${param}.prices`);
      if (!price.active) throw new ApiError('validation_error', `The price ${id} is archived (active: false).`, `${param}.prices`);
    }
  }
}
