import 'server-only';
import { getConfig } from '../config/get-config';
import { createChallengeStore } from './test-processor-challenges';

let bank: ReturnType<typeof createChallengeStore> | undefined;

/** The test processor's stand-in for a card's bank: the challenges its page shows and decides. */
export function getTestBank() {
  return (bank ??= createChallengeStore(getConfig().dataDir));
}
