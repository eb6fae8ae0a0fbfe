import { json } from '@/lib/api/json-result';
import { withMerchantKey } from '@/lib/api/with-merchant-key';
import { createPortalSession } from '@/lib/portal-sessions/create-portal-session';
import { PORTAL_SESSION_OPERATIONS } from '@/lib/portal-sessions/portal-session-operations';
import { refusedMethods } from '@/lib/api/refused-methods';

export const dynamic = 'force-dynamic';

// POST /api/v1/portal-sessions: mint a single-use portal link for one customer
export const POST = withMerchantKey(PORTAL_SESSION_OPERATIONS.create, async ({ account, key, body }) =>
  json(201, await createPortalSession({ account, apiKeyId: key.keyId, input: body })),
);

export const { GET, PUT, PATCH, DELETE } = refusedMethods('POST');
