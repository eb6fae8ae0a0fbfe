import 'server-only';
import { loadConfig, type TConfig } from './load-config';

const CONFIG = Symbol.for('plugipay.config');
type TGlobal = typeof globalThis & { [CONFIG]?: TConfig };

// Read once per process; a bad environment fails the first caller, at start-up.
export function getConfig(): TConfig {
  const g = globalThis as TGlobal;
  return (g[CONFIG] ??= loadConfig());
}
