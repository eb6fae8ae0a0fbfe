import type { PortalFlowType } from '../db/generated/client';
import { flowLanding } from './flow-scope';

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

/** Where an opened link lands: its flow's first page, else the tab it names. */
export function portalLanding(session: { flowType: string | null; flowSubscriptionId: string | null }, tab: string | null): string {
  if (session.flowType) return flowLanding({ ...session, flowType: session.flowType as PortalFlowType });
  return tab && Object.hasOwn(PORTAL_TABS, tab) ? PORTAL_TABS[tab as TPortalTab] : PORTAL_TABS.overview;
}
