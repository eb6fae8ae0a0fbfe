'use client';

import { useSingleFlightMutation } from './use-single-flight-mutation';
import { portalKeys } from './portal-query-keys';
import { useAfterChange } from './use-after-change';
import { portalRequest } from './portal-request';

export type TNewCard = { number: string; expMonth: number; expYear: number; cvc: string; name?: string; makeDefault?: boolean; forInvoice?: string };

export function useAddPaymentMethod() {
  const after = useAfterChange();
  return useSingleFlightMutation({
    mutationKey: [...portalKeys.paymentMethods(), 'add'],
    // requires_action: the card's bank wants to see the customer; redirectTo is its page.
    mutationFn: (card: TNewCard) => portalRequest<{ redirectTo?: string; status?: 'requires_action'; paymentMethod?: { id: string } }>('/portal/api/payment-methods', { method: 'POST', body: card }),
    onSuccess: after,
  });
}

export function useSetDefaultPaymentMethod() {
  const after = useAfterChange();
  return useSingleFlightMutation({
    mutationKey: [...portalKeys.paymentMethods(), 'default'],
    mutationFn: (id: string) => portalRequest<{ redirectTo?: string }>(`/portal/api/payment-methods/${id}/default`, { method: 'POST' }),
    onSuccess: after,
  });
}

export function useRemovePaymentMethod() {
  const after = useAfterChange();
  return useSingleFlightMutation({
    mutationKey: [...portalKeys.paymentMethods(), 'remove'],
    mutationFn: (id: string) => portalRequest<{ redirectTo?: string }>(`/portal/api/payment-methods/${id}`, { method: 'DELETE' }),
    onSuccess: after,
  });
}
