// TanStack Query keys of the portal, in one place. Server components own the data; mutations
// refresh the page, and these keys name the mutations (for isMutating and devtools).
export const portalKeys = {
  all: ['portal'] as const,
  subscription: (id: string) => [...portalKeys.all, 'subscription', id] as const,
  paymentMethods: () => [...portalKeys.all, 'payment-methods'] as const,
  invoice: (id: string) => [...portalKeys.all, 'invoice', id] as const,
};
