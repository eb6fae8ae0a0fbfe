import { json } from '@/lib/api/json-result';
import { withMerchantKey } from '@/lib/api/with-merchant-key';
import { listEvents } from '@/lib/webhooks/list-events';
import { refusedMethods } from '@/lib/api/refused-methods';
import { WEBHOOK_OPERATIONS } from '@/lib/webhooks/webhook-operations';

export const dynamic = 'force-dynamic';

// GET /api/v1/events: the account's events, newest first (?startingAfter=evt_…&limit=&type=)
export const GET = withMerchantKey(WEBHOOK_OPERATIONS.listEvents, async ({ account, query }) =>
  json(200, await listEvents(account.accountId, query)),
);

export const { POST, PUT, PATCH, DELETE } = refusedMethods('GET');
