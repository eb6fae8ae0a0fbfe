// Where an opened link lands: a flow chosen at creation wins; otherwise the link's ?tab=, where an
// unknown value falls back to the overview (a disabled tab falls back on its own page).
export const PORTAL_TABS = {
  overview: '/portal',
  receipts: '/portal/receipts',
  'payment-method': '/portal/payment-method',
  subscription: '/portal/subscription',
  invoices: '/portal/invoices',
} as const;

export type TPortalTab = keyof typeof PORTAL_TABS;

export const FLOW_PATHS = {
  payment_method_update: '/portal/flow/payment-method',
  subscription_cancel: '/portal/flow/cancel',
  invoice_payment: '/portal/flow/pay',
} as const;

export function portalLanding(flowType: string | null, tab: string | null): string {
  if (flowType && flowType in FLOW_PATHS) return FLOW_PATHS[flowType as keyof typeof FLOW_PATHS];
  return tab && Object.hasOwn(PORTAL_TABS, tab) ? PORTAL_TABS[tab as TPortalTab] : PORTAL_TABS.overview;
}
