import type { TRenewableSubscription } from '@/lib/billing/renewal-charge';
import { formatDate } from '@/lib/i18n/format-date';
import type { TPortalContext } from '@/lib/portal/get-portal-context';
import { CancelSubscription } from './CancelSubscription';
import { QueryProvider } from './QueryProvider';
import { ResumeSubscription } from './ResumeSubscription';

// Cancel, or resume a scheduled cancel, as far as the account's configuration allows.
export function SubscriptionActions({ ctx, subscription, startOpen }: { ctx: TPortalContext; subscription: TRenewableSubscription; startOpen?: boolean }) {
  const { features, locale } = ctx;
  const canCancel = features.subscriptionCancel && !subscription.cancelAtPeriodEnd;
  const canResume = features.subscriptionResume && subscription.cancelAtPeriodEnd;
  if (!canCancel && !canResume) return null;
  return (
    <QueryProvider>
      <div className="mt-6">
        {canCancel && (
          <CancelSubscription
            subscriptionId={subscription.id}
            mode={features.cancelMode}
            reasons={features.cancellationReasons}
            accessEndsOn={formatDate(subscription.currentPeriodEnd, locale)}
            today={formatDate(new Date(), locale)}
            startOpen={startOpen}
            pauseMaxPeriods={features.subscriptionPause && subscription.status === 'active' ? features.pauseMaxPeriods : 0}
            interval={subscription.items[0]?.price.interval ?? 'other'}
          />
        )}
        {canResume && <ResumeSubscription subscriptionId={subscription.id} />}
      </div>
    </QueryProvider>
  );
}
