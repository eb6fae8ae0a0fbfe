import 'server-only';
import { Prisma, type PortalFlowType, type FlowAfterCompletion } from '../db/generated/client';
import { rawRows } from '../db/raw-rows';
import { serverNow } from '../time/server-clock';
import { hashCookieValue } from './portal-cookie';
import { PRESENTATION_COLUMNS, PRESENTATION_JOINS, presentationOf, type TCustomerPresentation, type TPresentationRow } from '../portal/load-customer-presentation';

export type TPortalLogin = {
  id: string;
  accountId: string;
  customerId: string;
  expiresAt: Date;
  /** Set once a flow that carries on after its task (hosted_confirmation) has done it. */
  flowCompletedAt: Date | null;
  session: {
    id: string;
    returnUrl: string;
    locale: string;
    flowType: PortalFlowType | null;
    flowSubscriptionId: string | null;
    flowInvoiceId: string | null;
    flowPriceId: string | null;
    flowQuantity: number | null;
    flowAfterCompletion: FlowAfterCompletion | null;
  };
};

type TLoginRow = Omit<TPortalLogin, 'id' | 'session'> & { loginId: string; sessionId: string } & Omit<TPortalLogin['session'], 'id'>;

// A login and its session's terms, aliased so that a query can select a customer's columns beside them.
const LOGIN_COLUMNS = Prisma.sql`l."id" AS "loginId", l."accountId", l."customerId", l."expiresAt", l."flowCompletedAt", s."id" AS "sessionId", s."returnUrl",
  s."locale", s."flowType", s."flowSubscriptionId", s."flowInvoiceId", s."flowPriceId", s."flowQuantity", s."flowAfterCompletion"`;

/**
 * The active login behind a cookie value, or null. The server decides: an ended login, or one past
 * its deadline, opens nothing, whatever the browser still holds.
 */
export async function findPortalLogin(cookieValue: string | undefined, now = serverNow()): Promise<TPortalLogin | null> {
  if (!cookieValue || cookieValue.length > 64) return null;
  const [row] = await rawRows<TLoginRow>(Prisma.sql`SELECT ${LOGIN_COLUMNS} FROM ${LOGIN_TABLES} WHERE ${isActive(cookieValue, now)}`);
  return row ? loginOf(row) : null;
}

/**
 * findPortalLogin and the presentation of the login's customer (loadCustomerPresentation) in one
 * round trip: every portal page needs both.
 */
export async function findPortalLoginPresented(cookieValue: string | undefined, acceptLanguage: string | null, now = serverNow()): Promise<{ login: TPortalLogin; presentation: TCustomerPresentation } | null> {
  if (!cookieValue || cookieValue.length > 64) return null;
  const [row] = await rawRows<TLoginRow & TPresentationRow>(Prisma.sql`
    SELECT ${LOGIN_COLUMNS}, ${PRESENTATION_COLUMNS}
    FROM ${LOGIN_TABLES} JOIN "Customer" c ON c."accountId" = l."accountId" AND c."id" = l."customerId" ${PRESENTATION_JOINS}
    WHERE ${isActive(cookieValue, now)}`);
  if (!row) return null;
  const login = loginOf(row);
  return { login, presentation: presentationOf(row, { sessionLocale: login.session.locale, acceptLanguage }) };
}

const LOGIN_TABLES = Prisma.sql`"PortalLogin" l JOIN "PortalSession" s ON s."id" = l."portalSessionId"`;

function isActive(cookieValue: string, now: Date) {
  return Prisma.sql`l."cookieHash" = ${hashCookieValue(cookieValue)} AND l."endedAt" IS NULL AND l."expiresAt" > ${now}`;
}

function loginOf(row: TLoginRow): TPortalLogin {
  const { returnUrl, locale, flowType, flowSubscriptionId, flowInvoiceId, flowPriceId, flowQuantity, flowAfterCompletion } = row;
  // A flow that ends on the portal's home is, its task done, a login to the whole portal.
  const opened = row.flowCompletedAt && flowAfterCompletion === 'portal_homepage';
  return {
    id: row.loginId,
    accountId: row.accountId,
    customerId: row.customerId,
    expiresAt: row.expiresAt,
    flowCompletedAt: row.flowCompletedAt,
    session: { id: row.sessionId, returnUrl, locale, flowType: opened ? null : flowType, flowSubscriptionId, flowInvoiceId, flowPriceId, flowQuantity, flowAfterCompletion },
  };
}
