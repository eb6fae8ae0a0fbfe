import { json } from '@/lib/api/json-result';
import { withMerchantKey } from '@/lib/api/with-merchant-key';
import { listEvents, ZListEventsQuery } from '@/lib/webhooks/list-events';
import { refusedMethods } from '@/lib/api/refused-methods';

export const dynamic = 'force-dynamic';

// GET /api/v1/events: the account's events, newest first (?startingAfter=evt_…&limit=&type=)
export const GET = withMerchantKey({ scope: 'plugipay:events:read', query: ZListEventsQuery }, async ({ account, query }) =>
  json(200, await listEvents(account.accountId, query)),
);

export const { POST, PUT, PATCH, DELETE } = refusedMethods('GET');
