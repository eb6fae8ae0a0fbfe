import { z } from 'zod';
import { ZTimestamp } from '../api/api-schemas';
import { defineOperation } from '../api/operation';
import { ZCreatePortalSession } from './portal-session-input';

const ZPortalSession = z
  .object({
    id: z.string(),
    object: z.literal('portal_session'),
    customerId: z.string(),
    url: z.string().meta({ description: 'The single-use link; it opens the portal once, before expiresAt.' }),
    returnUrl: z.string(),
    locale: z.string(),
    flow: z
      .union([
        z.object({ type: z.literal('payment_method_update') }),
        z.object({ type: z.literal('subscription_cancel'), subscriptionId: z.string() }),
        z.object({ type: z.literal('invoice_payment'), invoiceId: z.string() }),
        z.object({ type: z.literal('subscription_update'), subscriptionId: z.string() }),
        z.object({ type: z.literal('subscription_update_confirm'), subscriptionId: z.string(), items: z.array(z.object({ price: z.string(), quantity: z.number().int() })) }),
      ])
      .and(z.object({ afterCompletion: z.object({ type: z.enum(['redirect', 'hosted_confirmation', 'portal_homepage']) }) }))
      .nullable(),
    expiresAt: ZTimestamp,
    createdAt: ZTimestamp,
  })
  .meta({ id: 'PortalSession' });

export const PORTAL_SESSION_OPERATIONS = {
  create: defineOperation({
    method: 'post', path: '/api/v1/portal-sessions', operationId: 'createPortalSession', tag: 'Portal sessions', scope: 'plugipay:portal:create',
    body: ZCreatePortalSession.meta({ id: 'PortalSessionCreate' }),
    summary: 'Mint a single-use portal link for one customer',
    response: { status: 201, description: 'The session, with its link.', schema: ZPortalSession },
  }),
};
