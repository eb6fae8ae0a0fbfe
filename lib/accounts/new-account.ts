import { newId } from '../ids/new-id';

/** The invoice prefix an account starts with: eight characters of its id's random part, upper case. */
export function defaultInvoicePrefix(accountId: string): string {
  return accountId.slice(20, 28).toUpperCase();
}

/** A new account's row: its id, and the invoice prefix that goes with it. */
export function newAccountData({ name, kind = 'merchant', platformAccountId = null }: { name: string; kind?: 'merchant' | 'platform'; platformAccountId?: string | null }) {
  const id = newId('account');
  return { id, name, kind, platformAccountId, invoicePrefix: defaultInvoicePrefix(id) };
}
