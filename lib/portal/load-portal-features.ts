import 'server-only';
import type { PortalConfiguration } from '../db/generated/client';
import { getPrisma } from '../db/get-db';
import { DEFAULT_CUSTOMER_UPDATES, isCustomerField, type TCustomerField } from './customer-fields';

export type TPortalFeatures = {
  invoiceHistory: boolean;
  paymentMethodUpdate: boolean;
  subscriptionCancel: boolean;
  cancelMode: 'at_period_end' | 'immediately';
  cancellationReasons: string[];
  subscriptionResume: boolean;
  invoicePayment: boolean;
  customerUpdate: boolean;
  customerAllowedUpdates: TCustomerField[];
  /** Pausing payments for 1 to pauseMaxPeriods billing periods, offered in the cancel dialog. */
  subscriptionPause: boolean;
  pauseMaxPeriods: number;
  defaultLocale: string;
};

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
    subscriptionResume: c?.subscriptionResumeEnabled ?? true,
    invoicePayment: c?.invoicePaymentEnabled ?? true,
    customerUpdate: c?.customerUpdateEnabled ?? true,
    customerAllowedUpdates: (c?.customerAllowedUpdates ?? DEFAULT_CUSTOMER_UPDATES).filter(isCustomerField),
    subscriptionPause: c?.subscriptionPauseEnabled ?? false,
    pauseMaxPeriods: c?.subscriptionPauseMaxPeriods ?? 3,
    defaultLocale: c?.defaultLocale ?? 'en',
  };
}
