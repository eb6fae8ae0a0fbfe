'use client';

import { useSingleFlightMutation } from './use-single-flight-mutation';
import { portalKeys } from './portal-query-keys';
import { useAfterChange } from './use-after-change';
import { portalRequest } from './portal-request';

export type TDetailsPatch = Partial<{
  email: string;
  name: string | null;
  phone: string | null;
  address: { line1: string | null; line2: string | null; city: string | null; state: string | null; postalCode: string | null; country: string } | null;
  taxIds: { type: string; value: string }[];
}>;

export function useUpdateDetails() {
  const after = useAfterChange();
  return useSingleFlightMutation({
    mutationKey: [...portalKeys.all, 'customer', 'update'],
    mutationFn: (patch: TDetailsPatch) => portalRequest<{ redirectTo?: string }>('/portal/api/customer', { method: 'POST', body: patch }),
    onSuccess: after,
  });
}
