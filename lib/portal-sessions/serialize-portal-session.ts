import type { PortalSession } from '../db/generated/client';

type TFlowTask =
  | { type: 'payment_method_update' }
  | { type: 'subscription_cancel'; subscriptionId: string }
  | { type: 'invoice_payment'; invoiceId: string }
  | { type: 'subscription_update'; subscriptionId: string }
  | { type: 'subscription_update_confirm'; subscriptionId: string; items: { price: string; quantity: number }[] };

export type TPortalSessionFlow = (TFlowTask & { afterCompletion: { type: 'redirect' | 'hosted_confirmation' | 'portal_homepage' } }) | null;

type TFlowColumns = Pick<PortalSession, 'flowType' | 'flowSubscriptionId' | 'flowInvoiceId' | 'flowPriceId' | 'flowQuantity' | 'flowAfterCompletion'>;

export function serializeFlow(session: TFlowColumns): TPortalSessionFlow {
  const task = flowTask(session);
  return task && { ...task, afterCompletion: { type: session.flowAfterCompletion ?? 'redirect' } };
}

function flowTask(session: TFlowColumns): TFlowTask | null {
  if (session.flowType === 'subscription_update') return { type: 'subscription_update', subscriptionId: session.flowSubscriptionId! };
  if (session.flowType === 'subscription_update_confirm') {
    return { type: 'subscription_update_confirm', subscriptionId: session.flowSubscriptionId!, items: [{ price: session.flowPriceId!, quantity: session.flowQuantity! }] };
  }
  if (session.flowType === 'subscription_cancel') return { type: 'subscription_cancel', subscriptionId: session.flowSubscriptionId! };
  if (session.flowType === 'invoice_payment') return { type: 'invoice_payment', invoiceId: session.flowInvoiceId! };
  if (session.flowType === 'payment_method_update') return { type: 'payment_method_update' };
  return null;
}

/** The API's PortalSession object. Without `url`, it is also the object of the created event. */
export function serializePortalSession(session: PortalSession, url?: string) {
  return {
    id: session.id,
    object: 'portal_session' as const,
    customerId: session.customerId,
    ...(url === undefined ? {} : { url }),
    returnUrl: session.returnUrl,
    locale: session.locale,
    flow: serializeFlow(session),
    expiresAt: session.expiresAt.toISOString(),
    createdAt: session.createdAt.toISOString(),
  };
}
