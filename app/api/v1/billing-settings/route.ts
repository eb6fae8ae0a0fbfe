import { json } from '@/lib/api/json-result';
import { refusedMethods } from '@/lib/api/refused-methods';
import { withMerchantKey } from '@/lib/api/with-merchant-key';
import { getBillingSettings, updateBillingSettings } from '@/lib/settings/billing-settings';
import { SETTINGS_OPERATIONS } from '@/lib/settings/settings-operations';

export const dynamic = 'force-dynamic';

export const GET = withMerchantKey(SETTINGS_OPERATIONS.getBilling, async ({ account }) => json(200, await getBillingSettings(account.accountId)));

export const PATCH = withMerchantKey(SETTINGS_OPERATIONS.updateBilling, async ({ account, body }) => json(200, await updateBillingSettings(account.accountId, body)));

export const { POST, PUT, DELETE } = refusedMethods('GET', 'PATCH');
