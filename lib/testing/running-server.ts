import { beforeAll, inject } from 'vitest';
import type { TDemoCredentials } from '../../prisma/seed/seed-demo-data';
import { readCredentials, readFixtures, type TTestFixtures } from './test-server';

export type TRunningServer = { baseUrl: string; creds: TDemoCredentials; fixtures: TTestFixtures };

/**
 * The suite's test server (started by the global setup), its demo credentials and the tests'
 * fixtures, filled in before the file's tests run: read the fields inside tests, not at import.
 */
export function runningServer(): TRunningServer {
  const server = {} as TRunningServer;
  beforeAll(() => {
    server.baseUrl = inject('baseUrl');
    server.creds = readCredentials(inject('credentialsPath'));
    server.fixtures = readFixtures(inject('dataDir'));
  });
  return server;
}
