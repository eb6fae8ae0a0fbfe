'use client';

import { useSingleFlightMutation } from './use-single-flight-mutation';
import { portalKeys } from './portal-query-keys';
import { useAfterChange } from './use-after-change';
import { portalRequest } from './portal-request';

export function usePayInvoice(invoiceId: string) {
  const after = useAfterChange();
  return useSingleFlightMutation({
    mutationKey: [...portalKeys.invoice(invoiceId), 'pay'],
    mutationFn: (paymentMethodId: string | undefined) =>
      portalRequest<{ status: 'paid' | 'requires_action'; redirectTo?: string }>(`/portal/api/invoices/${invoiceId}/pay`, { method: 'POST', body: paymentMethodId ? { paymentMethodId } : {} }),
    onSuccess: after,
  }, { once: true });
}
