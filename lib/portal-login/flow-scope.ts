import type { TPortalLogin } from './find-portal-login';

type TFlowType = NonNullable<TPortalLogin['session']['flowType']>;

/** The request header through which proxy.ts tells server components the path being rendered. */
export const PORTAL_PATH_HEADER = 'x-plugipay-portal-path';

/**
 * A flow link does one task. Its login may see the flow's page and make the flow's one change;
 * every other page leads back to the flow, and every other PDF or action is refused.
 */
const FLOW_SCOPE: Record<TFlowType, { page: string; actions: (session: TPortalLogin['session']) => readonly string[] }> = {
  payment_method_update: { page: '/portal/flow/payment-method', actions: () => ['POST /portal/api/payment-methods'] },
  subscription_cancel: { page: '/portal/flow/cancel', actions: () => ['POST /portal/api/subscription/cancel'] },
  // Its one invoice; a card may be added on the way, to pay with.
  invoice_payment: { page: '/portal/flow/pay', actions: (session) => [`POST /portal/api/invoices/${session.flowInvoiceId}/pay`, 'POST /portal/api/payment-methods'] },
};

/** Where a flow login belongs, or null for a login that may go anywhere in the portal. */
export function flowPage(login: TPortalLogin): string | null {
  return login.session.flowType ? FLOW_SCOPE[login.session.flowType].page : null;
}

/** Whether a portal route handler (a PDF, an action) is within what the login may do. */
export function isRouteWithinFlow(login: TPortalLogin, method: string, pathname: string): boolean {
  const { flowType } = login.session;
  return !flowType || FLOW_SCOPE[flowType].actions(login.session).includes(`${method} ${pathname}`);
}
