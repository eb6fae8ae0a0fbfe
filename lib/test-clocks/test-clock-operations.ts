import { defineOperation } from '../api/operation';
import { ZTestClock, ZTestClockAdvance, ZTestClockCreate, ZTestClockList, ZTestClockListQuery } from './test-clock-schemas';

const tag = 'Test clocks';
const read = 'plugipay:billing:read' as const;
const write = 'plugipay:billing:write' as const;
const outsideProduction = ' Outside production mode only: production answers 404.';

export const TEST_CLOCK_OPERATIONS = {
  create: defineOperation({
    method: 'post', path: '/api/v1/test-clocks', operationId: 'createTestClock', tag, scope: write, body: ZTestClockCreate,
    summary: 'Create a test clock',
    description: `Customers created with \`testClock\` are billed on its time, which moves only when it is advanced.${outsideProduction}`,
    response: { status: 201, description: 'The new clock, ready.', schema: ZTestClock },
  }),
  list: defineOperation({
    method: 'get', path: '/api/v1/test-clocks', operationId: 'listTestClocks', tag, scope: read, query: ZTestClockListQuery,
    summary: 'List test clocks, newest first', description: outsideProduction.trim(), response: { status: 200, description: 'A page of test clocks.', schema: ZTestClockList },
  }),
  retrieve: defineOperation({
    method: 'get', path: '/api/v1/test-clocks/{id}', operationId: 'retrieveTestClock', tag, scope: read,
    summary: 'Retrieve a test clock', description: outsideProduction.trim(), response: { status: 200, description: 'The clock.', schema: ZTestClock },
  }),
  advance: defineOperation({
    method: 'post', path: '/api/v1/test-clocks/{id}/advance', operationId: 'advanceTestClock', tag, scope: write, body: ZTestClockAdvance,
    summary: 'Move a test clock forward',
    description:
      'Runs the billing engine for the clock’s customers up to `frozenTime`, moment by moment (renewals, charges, retries, trial notices, period-end cancellations, each at its own time), and answers when it is done, `status: ready`. ' +
      `While it runs the clock is \`advancing\` and a second advance answers 409 invalid_state. At most five years at once.${outsideProduction}`,
    response: { status: 200, description: 'The clock at its new time.', schema: ZTestClock },
  }),
};
