import 'server-only';
import { getConfig } from '../config/get-config';
import type { TPaymentProcessor } from './payment-processor';
import { createTestProcessor } from './test-processor';

// One processor per process. The built-in test processor is the only one so far; a live one plugs in here.
let processor: TPaymentProcessor | undefined;

export function getPaymentProcessor(): TPaymentProcessor {
  const { masterKey, dataDir } = getConfig();
  return (processor ??= createTestProcessor(masterKey, dataDir));
}
