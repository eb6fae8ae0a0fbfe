import 'server-only';
import { getConfig } from '../config/get-config';

/**
 * CSRF defence on top of SameSite=Lax: a state-changing portal request must come from the portal's
 * own pages. Browsers send Sec-Fetch-Site and Origin on such requests; a request with neither is refused.
 */
export function isSameOriginRequest(request: Request): boolean {
  const site = request.headers.get('sec-fetch-site');
  if (site) return site === 'same-origin';
  const origin = request.headers.get('origin');
  return origin !== null && origin === new URL(getConfig().portalBaseUrl).origin;
}
