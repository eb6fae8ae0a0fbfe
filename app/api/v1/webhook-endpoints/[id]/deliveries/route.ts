import { json } from '@/lib/api/json-result';
import { withMerchantKey } from '@/lib/api/with-merchant-key';
import { listDeliveries } from '@/lib/webhooks/list-deliveries';
import { refusedMethods } from '@/lib/api/refused-methods';
import { WEBHOOK_OPERATIONS } from '@/lib/webhooks/webhook-operations';

export const dynamic = 'force-dynamic';

// GET /api/v1/webhook-endpoints/<we_id>/deliveries: the endpoint's deliveries with their attempts (?startingAfter=whd_…&limit=&status=)
export const GET = withMerchantKey(WEBHOOK_OPERATIONS.listDeliveries, async ({ account, params, query }) =>
  json(200, await listDeliveries(account.accountId, params.id ?? '', query)),
);

export const { POST, PUT, PATCH, DELETE } = refusedMethods('GET');
