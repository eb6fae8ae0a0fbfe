/**
 * The number of an invoice the customer may see. Only drafts lack one (a CHECK in the database), and
 * the portal and documents never load drafts, so a missing number here is a bug, not a blank.
 */
export function issuedNumber(invoice: { id: string; number: string | null }): string {
  if (invoice.number === null) throw new Error(`invoice ${invoice.id} is a draft: it has no number to show`);
  return invoice.number;
}
