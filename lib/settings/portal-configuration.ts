import 'server-only';
import { z } from 'zod';
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
        })
        .optional(),
      subscriptionResume: enabled.optional(),
      invoicePayment: enabled.optional(),
      subscriptionPause: z.strictObject({ enabled: z.boolean().optional(), maxPeriods: z.number().int().min(1).max(12).optional() }).optional(),
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
      subscriptionCancel: { enabled: f.subscriptionCancel, mode: f.cancelMode, reasons: f.cancellationReasons },
      subscriptionResume: { enabled: f.subscriptionResume },
      invoicePayment: { enabled: f.invoicePayment },
      subscriptionPause: { enabled: f.subscriptionPause, maxPeriods: f.pauseMaxPeriods },
      customerUpdate: { enabled: f.customerUpdate, allowedUpdates: f.customerAllowedUpdates },
    },
    defaultLocale: f.defaultLocale,
  };
}

export async function updatePortalConfiguration(accountId: string, patch: z.infer<typeof ZPortalConfigurationPatch>) {
  const f = patch.features;
  const data = {
    ...(f?.invoiceHistory ? { invoiceHistoryEnabled: f.invoiceHistory.enabled } : {}),
    ...(f?.paymentMethodUpdate ? { paymentMethodUpdateEnabled: f.paymentMethodUpdate.enabled } : {}),
    ...(f?.subscriptionCancel?.enabled !== undefined ? { subscriptionCancelEnabled: f.subscriptionCancel.enabled } : {}),
    ...(f?.subscriptionCancel?.mode ? { subscriptionCancelMode: f.subscriptionCancel.mode } : {}),
    ...(f?.subscriptionCancel?.reasons ? { cancellationReasons: f.subscriptionCancel.reasons } : {}),
    ...(f?.subscriptionResume ? { subscriptionResumeEnabled: f.subscriptionResume.enabled } : {}),
    ...(f?.invoicePayment ? { invoicePaymentEnabled: f.invoicePayment.enabled } : {}),
    ...(f?.subscriptionPause?.enabled !== undefined ? { subscriptionPauseEnabled: f.subscriptionPause.enabled } : {}),
    ...(f?.subscriptionPause?.maxPeriods ? { subscriptionPauseMaxPeriods: f.subscriptionPause.maxPeriods } : {}),
    ...(f?.customerUpdate?.enabled !== undefined ? { customerUpdateEnabled: f.customerUpdate.enabled } : {}),
    ...(f?.customerUpdate?.allowedUpdates ? { customerAllowedUpdates: [...new Set(f.customerUpdate.allowedUpdates)] } : {}),
    ...(patch.defaultLocale ? { defaultLocale: patch.defaultLocale } : {}),
  };
  await getPrisma().portalConfiguration.upsert({ where: { accountId }, update: data, create: { accountId, ...data } });
  return serializePortalConfiguration(await loadPortalFeatures(accountId));
}
