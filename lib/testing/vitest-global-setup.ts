import type { TestProject } from 'vitest/node';
import { describeRunningServer, startTestServer, TEST_ENV } from './test-server';

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
    credentialsPath: string;
    dataDir: string;
    serverPid: number;
  }
}

// Uses the server that `npm test` started, or starts one for a lone `npm run test:unit`.
export default async function setup(project: TestProject) {
  const given = process.env[TEST_ENV.baseUrl];
  const server = given
    ? describeRunningServer(process.env[TEST_ENV.dataDir]!, given, Number(process.env[TEST_ENV.pid]))
    : await startTestServer({ keepTemplate: true });
  // Read by the test files' own startTestServer calls (workers inherit this environment).
  if (server.template) process.env[TEST_ENV.template] = server.template;
  project.provide('baseUrl', server.baseUrl);
  project.provide('credentialsPath', server.credentialsPath);
  project.provide('dataDir', server.dataDir);
  project.provide('serverPid', server.pid);
  return server.stop;
}
