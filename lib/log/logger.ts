import 'server-only';
import pino from 'pino';
import { ZEnv } from '../config/env-schema';

// The level as the configuration validates it. A bad LOG_LEVEL must not crash whoever imports the
// logger first: it logs at info until the configuration check stops the process, naming the variable.
const level = ZEnv.shape.LOG_LEVEL.safeParse(process.env.LOG_LEVEL || undefined);

// Secrets and tokens never reach a log line: these paths are censored wherever they appear.
export const logger = pino({
  level: level.success ? level.data : 'info',
  base: { service: 'plugipay-portal' },
  redact: {
    paths: ['secret', '*.secret', 'token', '*.token', 'authorization', '*.authorization', 'headers.authorization', 'headers.cookie', 'cookie'],
    censor: '[redacted]',
  },
});
