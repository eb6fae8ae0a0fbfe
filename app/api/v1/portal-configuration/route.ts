import { json } from '@/lib/api/json-result';
import { withMerchantKey } from '@/lib/api/with-merchant-key';
import { loadPortalFeatures } from '@/lib/portal/load-portal-features';
import { serializePortalConfiguration, updatePortalConfiguration } from '@/lib/settings/portal-configuration';
import { refusedMethods } from '@/lib/api/refused-methods';
import { SETTINGS_OPERATIONS } from '@/lib/settings/settings-operations';

export const dynamic = 'force-dynamic';

// GET /api/v1/portal-configuration: the account's portal feature toggles and default locale
export const GET = withMerchantKey(SETTINGS_OPERATIONS.getPortal, async ({ account }) => json(200, serializePortalConfiguration(await loadPortalFeatures(account.accountId))));

// PATCH /api/v1/portal-configuration: change some of them
export const PATCH = withMerchantKey(SETTINGS_OPERATIONS.updatePortal, async ({ account, body }) =>
  json(200, await updatePortalConfiguration(account.accountId, body)),
);

export const { POST, PUT, DELETE } = refusedMethods('GET', 'PATCH');
