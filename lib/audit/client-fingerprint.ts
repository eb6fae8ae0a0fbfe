import { isIP } from 'node:net';
import { EDGE_HEADERS } from '../server/request-edge';

/** An IPv4 address cut to its /24, an IPv6 address to its /48: enough to investigate, not to track. */
export function truncateIp(ip: string | null | undefined): string | null {
  if (!ip) return null;
  const address = ip.trim().replace(/^::ffff:/, '');
  if (isIP(address) === 4) return `${address.split('.').slice(0, 3).join('.')}.0/24`;
  if (isIP(address) === 6) {
    const [head = '', tail = ''] = address.split('::');
    const groups = head.split(':').filter(Boolean);
    const missing = 8 - groups.length - tail.split(':').filter(Boolean).length;
    const full = [...groups, ...Array(Math.max(0, missing)).fill('0'), ...tail.split(':').filter(Boolean)];
    return `${full.slice(0, 3).join(':')}::/48`;
  }
  return null;
}

export function truncateUserAgent(userAgent: string | null | undefined): string | null {
  return userAgent ? userAgent.slice(0, 200) : null;
}

/** The client's address as the server established it (TRUSTED_PROXY_HOPS; lib/server/request-edge.ts). */
export function clientIp(headers: Headers): string | null {
  return headers.get(EDGE_HEADERS.clientIp);
}
