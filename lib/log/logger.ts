import 'server-only';
import pino from 'pino';

// Secrets and tokens never reach a log line: these paths are censored wherever they appear.
export const logger = pino({
  level: process.env.LOG_LEVEL ?? 'info',
  base: { service: 'plugipay-portal' },
  redact: {
    paths: ['secret', '*.secret', 'token', '*.token', 'authorization', '*.authorization', 'headers.authorization', 'headers.cookie', 'cookie'],
    censor: '[redacted]',
  },
});
