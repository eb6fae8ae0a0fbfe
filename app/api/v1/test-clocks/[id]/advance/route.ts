import { json } from '@/lib/api/json-result';
import { refusedMethods } from '@/lib/api/refused-methods';
import { withMerchantKey } from '@/lib/api/with-merchant-key';
import { advanceTestClock, assertTestClocksAvailable } from '@/lib/test-clocks/manage-test-clocks';
import { TEST_CLOCK_OPERATIONS } from '@/lib/test-clocks/test-clock-operations';

export const dynamic = 'force-dynamic';

export const POST = withMerchantKey(TEST_CLOCK_OPERATIONS.advance, async ({ account, params, body }) => {
  assertTestClocksAvailable();
  return json(200, await advanceTestClock(account.accountId, params.id!, body.frozenTime));
});

export const { GET, PUT, PATCH, DELETE } = refusedMethods('POST');
