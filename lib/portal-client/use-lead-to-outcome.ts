'use client';

import { useRouter } from 'next/navigation';
import { announceOnNextPage } from './announce';

type TOutcome = { invoice: { id: string; status: string } | null; redirectTo?: string };

/**
 * After a change that charges: a finished flow leaves for where it ends; otherwise the customer goes
 * to `done`, or to the invoice when its charge did not go through, and that page says which.
 */
export function useLeadToOutcome() {
  const router = useRouter();
  return (outcome: TOutcome, { done, said, saidUnpaid }: { done: string; said: string; saidUnpaid: string }) => {
    const unpaid = outcome.invoice?.status === 'open' ? outcome.invoice.id : null;
    announceOnNextPage(unpaid ? saidUnpaid : said);
    if (outcome.redirectTo) window.location.assign(outcome.redirectTo);
    else router.push(unpaid ? `/portal/invoices/${unpaid}` : done);
  };
}
