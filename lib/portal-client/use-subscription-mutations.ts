'use client';

import { useSingleFlightMutation } from './use-single-flight-mutation';
import { portalKeys } from './portal-query-keys';
import { useAfterChange } from './use-after-change';
import { portalRequest } from './portal-request';

type TCancelResult = { subscriptionId: string; status: string; cancelAtPeriodEnd: boolean; accessEndsAt: string; redirectTo?: string };

export function useCancelSubscription(subscriptionId: string) {
  const after = useAfterChange();
  return useSingleFlightMutation({
    mutationKey: [...portalKeys.subscription(subscriptionId), 'cancel'],
    mutationFn: (input: { reason?: string; comment?: string }) =>
      portalRequest<TCancelResult>('/portal/api/subscription/cancel', { method: 'POST', body: { subscriptionId, ...input } }),
    onSuccess: after,
  });
}

export function useResumeSubscription(subscriptionId: string) {
  const after = useAfterChange();
  return useSingleFlightMutation({
    mutationKey: [...portalKeys.subscription(subscriptionId), 'resume'],
    mutationFn: () => portalRequest<{ status: string; redirectTo?: string }>('/portal/api/subscription/resume', { method: 'POST', body: { subscriptionId } }),
    onSuccess: after,
  });
}
