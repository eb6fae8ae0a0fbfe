import type { TPortalLogin } from '../portal-login/find-portal-login';

/** One customer of one account: every billing query puts both in its `where`. */
export type TCustomerScope = { accountId: string; customerId: string };

/** A customer's change made through the portal: what the audit log and events need besides the scope. */
export type TActionScope = TCustomerScope & { portalSessionId: string; headers: Headers };

export function actionScope(login: TPortalLogin, request: Request): TActionScope {
  return { accountId: login.accountId, customerId: login.customerId, portalSessionId: login.session.id, headers: request.headers };
}

/** Whether a change comes from the portal (and is audited as the customer's) rather than the API. */
export function isPortalAction(scope: TCustomerScope): scope is TActionScope {
  return 'portalSessionId' in scope;
}
