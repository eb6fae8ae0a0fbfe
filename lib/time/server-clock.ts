import 'server-only';
import { readFileSync } from 'node:fs';
import { getConfig } from '../config/get-config';

/**
 * The server's time for deadlines it enforces (a portal login's expiry). Real time, except that a
 * test server (never a production one) may run ahead by the milliseconds in
 * SERVER_CLOCK_OFFSET_FILE, so that a test jumps over an hour instead of waiting for it.
 */
export function serverNow(): Date {
  const file = getConfig().serverClockOffsetFile;
  if (!file) return new Date();
  let offset = 0;
  try {
    offset = Number(readFileSync(file, 'utf8').trim()) || 0;
  } catch {
    // No file yet: no offset.
  }
  return new Date(Date.now() + offset);
}
