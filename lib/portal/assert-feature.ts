import 'server-only';
import { ApiError } from '../api/errors';
import { loadPortalFeatures, type TPortalFeatures } from './load-portal-features';

type TToggle = 'invoiceHistory' | 'paymentMethodUpdate' | 'subscriptionCancel' | 'subscriptionResume' | 'invoicePayment' | 'customerUpdate' | 'subscriptionPause' | 'subscriptionUpdate' | 'retentionCoupon' | 'resubscribe';

/** A feature the account switched off is refused by the server, not only hidden from the page. */
export async function assertFeature(accountId: string, feature: TToggle): Promise<TPortalFeatures> {
  const features = await loadPortalFeatures(accountId);
  if (feature === 'retentionCoupon' ? features.retentionCoupon === null : !features[feature]) throw new ApiError('forbidden', 'This is not available in this billing portal.');
  return features;
}
