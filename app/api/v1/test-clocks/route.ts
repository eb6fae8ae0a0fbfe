import { json } from '@/lib/api/json-result';
import { refusedMethods } from '@/lib/api/refused-methods';
import { withMerchantKey } from '@/lib/api/with-merchant-key';
import { assertTestClocksAvailable, createTestClock, listTestClocks } from '@/lib/test-clocks/manage-test-clocks';
import { TEST_CLOCK_OPERATIONS } from '@/lib/test-clocks/test-clock-operations';

export const dynamic = 'force-dynamic';

export const POST = withMerchantKey(TEST_CLOCK_OPERATIONS.create, async ({ account, body }) => {
  assertTestClocksAvailable();
  return json(201, await createTestClock(account.accountId, body));
});

export const GET = withMerchantKey(TEST_CLOCK_OPERATIONS.list, async ({ account, query }) => {
  assertTestClocksAvailable();
  return json(200, await listTestClocks(account.accountId, query));
});

export const { PUT, PATCH, DELETE } = refusedMethods('GET', 'POST');
