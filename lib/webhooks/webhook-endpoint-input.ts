import { z } from 'zod';
import { EVENT_TYPES } from './record-event';

const LOCAL_HOSTS = new Set(['localhost', '127.0.0.1']);

/** Where events go: https, or plain http to localhost and 127.0.0.1 (local development). */
export const ZEndpointUrl = z
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
    if (url.protocol !== 'https:' && !(url.protocol === 'http:' && LOCAL_HOSTS.has(url.hostname))) {
      ctx.addIssue({ code: 'custom', message: 'must be an https URL (http only for localhost and 127.0.0.1)' });
    } else if (url.username || url.password) {
      ctx.addIssue({ code: 'custom', message: 'must not contain credentials' });
    }
  });

export const ZCreateWebhookEndpoint = z.strictObject({
  url: ZEndpointUrl,
  events: z
    .array(z.enum(['*', ...EVENT_TYPES]))
    .min(1, { message: 'must name at least one event type, or "*"' })
    .max(50)
    .transform((events) => [...new Set(events)]),
});

export const ZWebhookEndpointParams = z.object({ id: z.string() });
