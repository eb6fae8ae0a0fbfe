import { json } from '@/lib/api/json-result';
import { withMerchantKey } from '@/lib/api/with-merchant-key';
import { getCheckoutSettings, updateCheckoutSettings } from '@/lib/settings/checkout-settings';
import { SETTINGS_OPERATIONS } from '@/lib/settings/settings-operations';
import { refusedMethods } from '@/lib/api/refused-methods';

export const dynamic = 'force-dynamic';

// GET /api/v1/checkout-settings: the branding the portal uses
export const GET = withMerchantKey(SETTINGS_OPERATIONS.getCheckout, async ({ account }) => json(200, await getCheckoutSettings(account.accountId)));

// PATCH /api/v1/checkout-settings: change some of it
export const PATCH = withMerchantKey(SETTINGS_OPERATIONS.updateCheckout, async ({ account, body }) =>
  json(200, await updateCheckoutSettings(account.accountId, body)),
);

export const { POST, PUT, DELETE } = refusedMethods('GET', 'PATCH');
