import type { TCustomerPresentation } from './load-customer-presentation';

/** What a portal PDF needs besides its object: branding, the bill-to and the locale. */
export function pdfContextOf({ branding, customer, locale, features }: TCustomerPresentation) {
  return { branding, customer, locale, invoiceHistoryEnabled: features.invoiceHistory };
}
