import 'server-only';
import { readPostalAddress } from '../billing/postal-address';
import { readTaxIds } from '../billing/tax-ids';
import type { TBuyer } from '../billing/buyer';
import { brandingFrom, type TBranding } from '../branding/get-branding';
import { Prisma, type Customer } from '../db/generated/client';
import { rawRows } from '../db/raw-rows';
import type { TLocale } from '../i18n/locales';
import { resolvePortalLocale } from '../i18n/resolve-portal-locale';
import { featuresFrom, type TPortalFeatures } from './load-portal-features';

export type TCustomerPresentation = {
  branding: TBranding;
  features: TPortalFeatures;
  customer: TBuyer & { id: string };
  locale: TLocale;
  /** The time the customer is billed on (their test clock's, else the real time): what is due or overdue is judged by it. */
  billingNow: Date;
};

/**
 * How one customer of one account is shown anything (portal pages, PDFs, link pages): the
 * merchant's branding and portal configuration, the bill-to, and the locale resolved from the
 * session's, the customer's, the browser's and the account's.
 */
export async function loadCustomerPresentation({
  accountId,
  customerId,
  sessionLocale,
  acceptLanguage,
}: {
  accountId: string;
  customerId: string;
  sessionLocale: string | null | undefined;
  acceptLanguage: string | null;
}): Promise<TCustomerPresentation> {
  // One round trip for everything a page, a PDF or a link page needs to present this customer.
  const [row] = await rawRows<TPresentationRow>(Prisma.sql`
    SELECT ${PRESENTATION_COLUMNS} FROM "Customer" c ${PRESENTATION_JOINS}
    WHERE c."accountId" = ${accountId} AND c."id" = ${customerId}`);
  if (!row) throw new Error(`customer ${customerId} of account ${accountId} is gone`);
  return presentationOf(row, { sessionLocale, acceptLanguage });
}

/** The customer's columns (aliased c) and their account's presentation, for a query that joins PRESENTATION_JOINS. */
export const PRESENTATION_COLUMNS = Prisma.sql`c."id", c."name", c."email", c."preferredLocales", c."address", c."taxIds", a."name" AS "accountName",
  to_jsonb(cs) AS "settings", to_jsonb(pc) AS "configuration", tc."frozenTime" AS "clockTime"`;

/** What presents a customer c: their account, its checkout settings and portal configuration, their test clock. */
export const PRESENTATION_JOINS = Prisma.sql`JOIN "Account" a ON a."id" = c."accountId"
  LEFT JOIN "CheckoutSettings" cs ON cs."accountId" = c."accountId"
  LEFT JOIN "PortalConfiguration" pc ON pc."accountId" = c."accountId"
  LEFT JOIN "TestClock" tc ON tc."accountId" = c."accountId" AND tc."id" = c."testClockId"`;

/** A customer's presentation from a row of PRESENTATION_COLUMNS, the locale resolved for this visit. */
export function presentationOf(row: TPresentationRow, { sessionLocale, acceptLanguage }: { sessionLocale: string | null | undefined; acceptLanguage: string | null }): TCustomerPresentation {
  const features = featuresFrom(row.configuration);
  const locale = resolvePortalLocale({ sessionLocale, customerLocales: row.preferredLocales, acceptLanguage, accountDefault: features.defaultLocale });
  return {
    branding: brandingFrom(row.settings, row.accountName),
    features,
    customer: { id: row.id, name: row.name, email: row.email, address: readPostalAddress(row.address), taxIds: readTaxIds(row.taxIds) },
    locale,
    billingNow: row.clockTime ?? new Date(),
  };
}

export type TPresentationRow = Pick<Customer, 'id' | 'name' | 'email' | 'preferredLocales' | 'address' | 'taxIds'> & {
  accountName: string;
  settings: Parameters<typeof brandingFrom>[0];
  configuration: Parameters<typeof featuresFrom>[0];
  clockTime: Date | null;
};
