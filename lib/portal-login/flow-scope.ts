import type { TPortalLogin } from './find-portal-login';

type TSession = TPortalLogin['session'];
type TFlowType = NonNullable<TSession['flowType']>;

/** The request header through which proxy.ts tells server components the path being rendered. */
export const PORTAL_PATH_HEADER = 'x-plugipay-portal-path';

const changePlan = (session: Pick<TSession, 'flowSubscriptionId'>) => `/portal/subscription/${session.flowSubscriptionId}/change`;

/**
 * A flow link does one task. Its login may see the flow's pages (the first is where it lands) and
 * make the flow's one change; every other page leads back to the flow, and every other PDF or
 * action is refused.
 */
const FLOW_SCOPE: Record<TFlowType, { pages: (session: Pick<TSession, 'flowSubscriptionId'>) => readonly string[]; actions: (session: TSession) => readonly string[] }> = {
  payment_method_update: { pages: () => ['/portal/flow/payment-method'], actions: () => ['POST /portal/api/payment-methods'] },
  // Cancel, or what the dialog offers instead: pausing, or the retention offer.
  subscription_cancel: { pages: () => ['/portal/flow/cancel'], actions: () => ['POST /portal/api/subscription/cancel', 'POST /portal/api/subscription/pause', 'POST /portal/api/subscription/retention'] },
  // Its one invoice; a card may be added on the way, to pay with.
  invoice_payment: { pages: () => ['/portal/flow/pay'], actions: (session) => [`POST /portal/api/invoices/${session.flowInvoiceId}/pay`, 'POST /portal/api/payment-methods'] },
  // The plans to choose from, then the preview to confirm.
  subscription_update: { pages: (session) => [changePlan(session), `${changePlan(session)}/confirm`], actions: () => ['POST /portal/api/subscription/change'] },
  // The preview of the plan named at creation, to confirm.
  subscription_update_confirm: { pages: (session) => [`${changePlan(session)}/confirm`], actions: () => ['POST /portal/api/subscription/change'] },
};

/** Where a flow that ends on a hosted confirmation leads once its task is done; nothing else is open to it then. */
export const FLOW_COMPLETE_PAGE = '/portal/flow/complete';

function scopeOf(login: TPortalLogin): { pages: readonly string[]; actions: readonly string[] } | null {
  const { flowType } = login.session;
  if (!flowType) return null;
  if (login.flowCompletedAt) return { pages: [FLOW_COMPLETE_PAGE], actions: [] };
  return { pages: FLOW_SCOPE[flowType].pages(login.session), actions: FLOW_SCOPE[flowType].actions(login.session) };
}

/** Where a flow link lands. */
export function flowLanding(session: Pick<TSession, 'flowSubscriptionId'> & { flowType: TFlowType }): string {
  return FLOW_SCOPE[session.flowType].pages(session)[0]!;
}

/** Where a flow login belongs when it strays from its pages, or null where it may be. */
export function flowRedirect(login: TPortalLogin, pathname: string | null): string | null {
  const scope = scopeOf(login);
  if (!scope) return null;
  return pathname && scope.pages.includes(pathname) ? null : scope.pages[0]!;
}

// Where the card's bank sends the customer back (3-D Secure), for flows that save or charge a card.
const CHALLENGE_RETURN = /^\/portal\/challenge\/cch_[0-9A-HJKMNP-TV-Z]{26}$/;
const CARD_FLOWS: readonly TFlowType[] = ['payment_method_update', 'invoice_payment'];

/** Whether a portal route handler (a PDF, an action) is within what the login may do. */
export function isRouteWithinFlow(login: TPortalLogin, method: string, pathname: string): boolean {
  const scope = scopeOf(login);
  if (!scope) return true;
  if (method === 'GET' && CHALLENGE_RETURN.test(pathname)) return !login.flowCompletedAt && CARD_FLOWS.includes(login.session.flowType!);
  return scope.actions.includes(`${method} ${pathname}`);
}
