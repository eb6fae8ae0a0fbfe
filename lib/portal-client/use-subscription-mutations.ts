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
  }, { once: true });
}

export function useResumeSubscription(subscriptionId: string) {
  const after = useAfterChange();
  return useSingleFlightMutation({
    mutationKey: [...portalKeys.subscription(subscriptionId), 'resume'],
    mutationFn: () => portalRequest<{ status: string; redirectTo?: string }>('/portal/api/subscription/resume', { method: 'POST', body: { subscriptionId } }),
    onSuccess: after,
  }, { once: true });
}

export function usePauseSubscription(subscriptionId: string) {
  const after = useAfterChange();
  return useSingleFlightMutation({
    mutationKey: [...portalKeys.subscription(subscriptionId), 'pause'],
    mutationFn: (periods: number) => portalRequest<{ status: string; resumesAt: string | null; redirectTo?: string }>('/portal/api/subscription/pause', { method: 'POST', body: { subscriptionId, periods } }),
    onSuccess: after,
  }, { once: true });
}

type TChangeResult = { subscriptionId: string; timing: 'now' | 'period_end'; effectiveAt: string; invoice: { id: string; status: string } | null; redirectTo?: string };

/** Confirms a previewed plan change; where it leads next is the caller's (the subscription, or an invoice left to pay). */
export function useChangePlan(subscriptionId: string) {
  return useSingleFlightMutation({
    mutationKey: [...portalKeys.subscription(subscriptionId), 'change'],
    mutationFn: (input: { price: string; quantity: number; prorationDate: number }) => portalRequest<TChangeResult>('/portal/api/subscription/change', { method: 'POST', body: { subscriptionId, ...input } }),
  }, { once: true });
}

export function useKeepPlan(subscriptionId: string) {
  const after = useAfterChange();
  return useSingleFlightMutation({
    mutationKey: [...portalKeys.subscription(subscriptionId), 'keep-plan'],
    mutationFn: () => portalRequest<{ subscriptionId: string; redirectTo?: string }>('/portal/api/subscription/keep-plan', { method: 'POST', body: { subscriptionId } }),
    onSuccess: after,
  }, { once: true });
}

export function useAcceptRetentionOffer(subscriptionId: string) {
  const after = useAfterChange();
  return useSingleFlightMutation({
    mutationKey: [...portalKeys.subscription(subscriptionId), 'retention'],
    mutationFn: () => portalRequest<{ status: string; redirectTo?: string }>('/portal/api/subscription/retention', { method: 'POST', body: { subscriptionId } }),
    onSuccess: after,
  }, { once: true });
}

export function useResubscribe(endedSubscriptionId: string) {
  return useSingleFlightMutation({
    mutationKey: [...portalKeys.subscription(endedSubscriptionId), 'resubscribe'],
    mutationFn: (input: { price: string; quantity: number }) =>
      portalRequest<{ subscriptionId: string; status: string; invoice: { id: string; status: string } | null }>('/portal/api/subscription/resubscribe', { method: 'POST', body: { subscriptionId: endedSubscriptionId, ...input } }),
  }, { once: true });
}
