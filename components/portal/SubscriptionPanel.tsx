import type { TRenewableSubscription } from '@/lib/billing/renewal-charge';
import type { TPortalContext } from '@/lib/portal/get-portal-context';
import { SubscriptionActions } from './SubscriptionActions';
import { SubscriptionSummary } from './SubscriptionSummary';

/** One subscription as its page shows it: the summary, then what the customer may do with it. */
export function SubscriptionPanel({ ctx, subscription, startOpen }: { ctx: TPortalContext; subscription: TRenewableSubscription; startOpen?: boolean }) {
  return (
    <>
      <SubscriptionSummary subscription={subscription} locale={ctx.locale} />
      <SubscriptionActions ctx={ctx} subscription={subscription} startOpen={startOpen} />
    </>
  );
}
