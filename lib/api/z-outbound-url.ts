import { z } from 'zod';

const LOCAL_HOSTS = new Set(['localhost', '127.0.0.1']);

/**
 * A URL the platform sends someone or something to (a portal's returnUrl, a webhook endpoint):
 * absolute https, plain http only for localhost and 127.0.0.1, no credentials, at most 2048 characters.
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
  });
