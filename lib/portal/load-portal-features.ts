import 'server-only';
import { z } from 'zod';
import type { PortalConfiguration } from '../db/generated/client';
import { getPrisma } from '../db/get-db';
import { DEFAULT_CUSTOMER_UPDATES, isCustomerField, type TCustomerField } from './customer-fields';

export type TPortalFeatures = {
  invoiceHistory: boolean;
  paymentMethodUpdate: boolean;
  subscriptionCancel: boolean;
  cancelMode: 'at_period_end' | 'immediately';
  cancellationReasons: string[];
  /** A coupon the cancel dialog offers to stay, once per subscription; null: no offer. */
  retentionCoupon: string | null;
  subscriptionResume: boolean;
  invoicePayment: boolean;
  customerUpdate: boolean;
  customerAllowedUpdates: TCustomerField[];
  /** Pausing payments for 1 to pauseMaxPeriods billing periods, offered in the cancel dialog. */
  subscriptionPause: boolean;
  pauseMaxPeriods: number;
  /** Changing plan: to these products' prices (in this order), seats within bounds, billed and timed so. */
  subscriptionUpdate: boolean;
  updateProducts: TUpdateProduct[];
  updateQuantity: { enabled: boolean; min: number; max: number };
  updateProrationBehavior: 'create_prorations' | 'none' | 'always_invoice';
  updateDowngradeTiming: 'now' | 'period_end';
  /** A customer whose subscription ended may start it again. */
  resubscribe: boolean;
  defaultLocale: string;
};

export const ZUpdateProducts = z.array(z.strictObject({ product: z.string(), prices: z.array(z.string()) }));
export type TUpdateProduct = z.infer<typeof ZUpdateProducts>[number];

const DEFAULT_REASONS = ['too_expensive', 'missing_features', 'switched_service', 'unused', 'customer_service', 'too_complex', 'low_quality', 'other'];

/** The account's portal configuration (feature toggles); an account without one gets every feature. */
export async function loadPortalFeatures(accountId: string): Promise<TPortalFeatures> {
  return featuresFrom(await getPrisma().portalConfiguration.findUnique({ where: { accountId } }));
}

type TConfigurationRow = Omit<PortalConfiguration, 'accountId' | 'updatedAt'>;

/** Features from an account's portal configuration row, or the defaults without one. */
export function featuresFrom(c: TConfigurationRow | null): TPortalFeatures {
  return {
    invoiceHistory: c?.invoiceHistoryEnabled ?? true,
    paymentMethodUpdate: c?.paymentMethodUpdateEnabled ?? true,
    subscriptionCancel: c?.subscriptionCancelEnabled ?? true,
    cancelMode: c?.subscriptionCancelMode ?? 'at_period_end',
    cancellationReasons: c?.cancellationReasons ?? DEFAULT_REASONS,
    retentionCoupon: c?.retentionCouponId ?? null,
    subscriptionResume: c?.subscriptionResumeEnabled ?? true,
    invoicePayment: c?.invoicePaymentEnabled ?? true,
    customerUpdate: c?.customerUpdateEnabled ?? true,
    customerAllowedUpdates: (c?.customerAllowedUpdates ?? DEFAULT_CUSTOMER_UPDATES).filter(isCustomerField),
    subscriptionPause: c?.subscriptionPauseEnabled ?? false,
    pauseMaxPeriods: c?.subscriptionPauseMaxPeriods ?? 3,
    subscriptionUpdate: c?.subscriptionUpdateEnabled ?? false,
    // Checked when written; read defensively all the same, as a column of JSON.
    updateProducts: ZUpdateProducts.safeParse(c?.subscriptionUpdateProducts ?? []).data ?? [],
    updateQuantity: { enabled: c?.updateQuantityEnabled ?? false, min: c?.updateQuantityMin ?? 1, max: c?.updateQuantityMax ?? 99 },
    updateProrationBehavior: c?.updateProrationBehavior ?? 'create_prorations',
    updateDowngradeTiming: c?.updateDowngradeTiming ?? 'now',
    resubscribe: c?.resubscribeEnabled ?? false,
    defaultLocale: c?.defaultLocale ?? 'en',
  };
}
