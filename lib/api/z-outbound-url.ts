import { z } from 'zod';

const LOCAL_HOSTS = new Set(['localhost', '127.0.0.1']);

/**
 * A URL the platform sends someone or something to (a portal's returnUrl, a webhook endpoint):
 * absolute https, plain http only for localhost and 127.0.0.1, no credentials, at most 2048 characters.
 * What is kept is the URL as the WHATWG parser serializes it, not the raw text: the parser drops
 * tabs and line breaks and percent-encodes the rest, so the stored URL is safe in a Location header.
 */
export const ZOutboundUrl = z
  .string()
  .max(2048, { message: 'must be at most 2048 characters' })
  .superRefine((value, ctx) => {
    let url: URL;
    try {
      url = new URL(value);
    } catch {
      ctx.addIssue({ code: 'custom', message: 'must be an absolute https URL' });
      return;
    }
    const localHttp = url.protocol === 'http:' && LOCAL_HOSTS.has(url.hostname);
    if (url.protocol !== 'https:' && !localHttp) {
      ctx.addIssue({ code: 'custom', message: 'must be an absolute https URL (http only for localhost and 127.0.0.1)' });
    } else if (url.username || url.password) {
      ctx.addIssue({ code: 'custom', message: 'must not contain credentials' });
    }
  })
  .transform((value) => new URL(value).href);

/** A stored URL fit for a Location header, or the fallback (rows stored before URLs were normalized). */
export function safeRedirectUrl(value: string, fallback: string): string {
  try {
    const href = new URL(value).href;
    return /^https?:/.test(href) ? href : fallback;
  } catch {
    return fallback;
  }
}
