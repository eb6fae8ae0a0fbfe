import 'server-only';
import { getPrisma } from '../db/get-db';

export type TPortalFeatures = {
  invoiceHistory: boolean;
  paymentMethodUpdate: boolean;
  subscriptionCancel: boolean;
  cancelMode: 'at_period_end' | 'immediately';
  cancellationReasons: string[];
  subscriptionResume: boolean;
  defaultLocale: string;
};

const DEFAULT_REASONS = ['too_expensive', 'missing_features', 'switched_service', 'unused', 'customer_service', 'too_complex', 'low_quality', 'other'];

/** The account's portal configuration (feature toggles); an account without one gets every feature. */
export async function loadPortalFeatures(accountId: string): Promise<TPortalFeatures> {
  const c = await getPrisma().portalConfiguration.findUnique({ where: { accountId } });
  return {
    invoiceHistory: c?.invoiceHistoryEnabled ?? true,
    paymentMethodUpdate: c?.paymentMethodUpdateEnabled ?? true,
    subscriptionCancel: c?.subscriptionCancelEnabled ?? true,
    cancelMode: c?.subscriptionCancelMode ?? 'at_period_end',
    cancellationReasons: c?.cancellationReasons ?? DEFAULT_REASONS,
    subscriptionResume: c?.subscriptionResumeEnabled ?? true,
    defaultLocale: c?.defaultLocale ?? 'en',
  };
}
