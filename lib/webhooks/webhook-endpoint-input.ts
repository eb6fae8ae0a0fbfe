import { z } from 'zod';
import { ZOutboundUrl } from '../api/z-outbound-url';
import { EVENT_TYPES } from './record-event';

export const ZCreateWebhookEndpoint = z.strictObject({
  url: ZOutboundUrl,
  events: z
    .array(z.enum(['*', ...EVENT_TYPES]))
    .min(1, { message: 'must name at least one event type, or "*"' })
    .max(50)
    .transform((events) => [...new Set(events)]),
});

export const ZWebhookEndpointParams = z.object({ id: z.string() });
