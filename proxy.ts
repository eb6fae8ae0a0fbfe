import { NextResponse, type NextRequest } from 'next/server';
import { PORTAL_PATH_HEADER } from './lib/portal-login/flow-scope';
import { contentSecurityPolicy, SECURITY_HEADERS } from './lib/security/content-security-policy';

// Runs before every page and route: a fresh CSP nonce per request (Next applies it to its own
// scripts), the security headers, and no caching of anything a customer sees.
export function proxy(request: NextRequest) {
  const nonce = Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString('base64');
  const csp = contentSecurityPolicy(nonce, { dev: process.env.NODE_ENV === 'development' });
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set('x-nonce', nonce);
  requestHeaders.set('Content-Security-Policy', csp);
  // Set here, over whatever the client sent: the portal's pages learn their own path from it.
  requestHeaders.set(PORTAL_PATH_HEADER, request.nextUrl.pathname);

  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set('Content-Security-Policy', csp);
  for (const [name, value] of Object.entries(SECURITY_HEADERS)) response.headers.set(name, value);
  const path = request.nextUrl.pathname;
  if (path.startsWith('/portal') || path.startsWith('/p/') || path.startsWith('/api/')) {
    response.headers.set('Cache-Control', 'no-store');
  }
  return response;
}

export const config = {
  matcher: [{ source: '/((?!_next/static|_next/image|favicon.ico|icon.svg|icon-192.png|icon-512.png|apple-touch-icon.png).*)' }],
};
