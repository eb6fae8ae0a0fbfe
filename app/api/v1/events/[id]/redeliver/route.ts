import { json } from '@/lib/api/json-result';
import { withMerchantKey } from '@/lib/api/with-merchant-key';
import { redeliverEvent } from '@/lib/webhooks/redeliver-event';
import { refusedMethods } from '@/lib/api/refused-methods';
import { WEBHOOK_OPERATIONS } from '@/lib/webhooks/webhook-operations';

export const dynamic = 'force-dynamic';

// POST /api/v1/events/<evt_id>/redeliver: send the event again now ({"endpoint":"we_…"} for one endpoint)
export const POST = withMerchantKey(WEBHOOK_OPERATIONS.redeliver, async ({ account, params, body }) =>
  json(202, await redeliverEvent(account.accountId, params.id ?? '', body)),
);

export const { GET, PUT, PATCH, DELETE } = refusedMethods('POST');
