import { json } from '@/lib/api/json-result';
import { refusedMethods } from '@/lib/api/refused-methods';
import { withMerchantKey } from '@/lib/api/with-merchant-key';
import { assertTestClocksAvailable, retrieveTestClock } from '@/lib/test-clocks/manage-test-clocks';
import { TEST_CLOCK_OPERATIONS } from '@/lib/test-clocks/test-clock-operations';

export const dynamic = 'force-dynamic';

export const GET = withMerchantKey(TEST_CLOCK_OPERATIONS.retrieve, async ({ account, params }) => {
  assertTestClocksAvailable();
  return json(200, await retrieveTestClock(account.accountId, params.id!));
});

export const { POST, PUT, PATCH, DELETE } = refusedMethods('GET');
