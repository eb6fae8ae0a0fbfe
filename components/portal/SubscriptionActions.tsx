import { PortalLink } from '@/components/portal/PortalLink';
import { getTranslations } from 'next-intl/server';
import { secondaryButton } from '@/components/ui/button-styles';
import { planChangeRefusal } from '@/lib/billing/plan-options';
import { retentionOfferFor } from '@/lib/billing/retention-offer';
import type { Coupon } from '@/lib/db/generated/client';
import { formatTaxRate } from '@/lib/i18n/format-percent';
import { formatMoney } from '@/lib/money/format-money';
import type { TRenewableSubscription } from '@/lib/billing/renewal-charge';
import { formatDate } from '@/lib/i18n/format-date';
import type { TPortalContext } from '@/lib/portal/get-portal-context';
import { CancelSubscription } from './CancelSubscription';
import { KeepPlan } from './KeepPlan';
import { ActionsProvider } from './ActionsProvider';
import { ResumeSubscription } from './ResumeSubscription';

// Change plan, cancel, or undo a scheduled cancel or plan change, as far as the account's configuration allows.
export async function SubscriptionActions({ ctx, subscription, startOpen }: { ctx: TPortalContext; subscription: TRenewableSubscription; startOpen?: boolean }) {
  const { features, locale } = ctx;
  const canChange = features.subscriptionUpdate && !ctx.login.session.flowType && planChangeRefusal(subscription) === null;
  const canKeepPlan = features.subscriptionUpdate && subscription.scheduledPriceId !== null;
  const canCancel = features.subscriptionCancel && !subscription.cancelAtPeriodEnd;
  const canResume = features.subscriptionResume && (subscription.cancelAtPeriodEnd || subscription.status === 'paused');
  if (!canChange && !canKeepPlan && !canCancel && !canResume) return null;
  const t = await getTranslations('PlanChange');
  const offer = canCancel ? await retentionOfferFor(features, subscription) : null;
  return (
    <ActionsProvider>
      <div className="mt-6 flex flex-wrap items-start gap-3">
        {canChange && <PortalLink className={secondaryButton} href={`/portal/subscription/${subscription.id}/change`}>{t('changePlan')}</PortalLink>}
        {canKeepPlan && <KeepPlan subscriptionId={subscription.id} />}
        {canCancel && (
          <CancelSubscription
            subscriptionId={subscription.id}
            mode={features.cancelMode}
            reasons={features.cancellationReasons}
            accessEndsOn={formatDate(subscription.currentPeriodEnd, locale)}
            today={formatDate(ctx.billingNow, locale)}
            startOpen={startOpen}
            pauseMaxPeriods={features.subscriptionPause && subscription.status === 'active' ? features.pauseMaxPeriods : 0}
            interval={subscription.items[0]?.price.interval ?? 'other'}
            retentionOffer={offer && (await describeOffer(offer, locale))}
          />
        )}
        {canResume && <ResumeSubscription subscriptionId={subscription.id} paused={subscription.status === 'paused'} />}
      </div>
    </ActionsProvider>
  );
}

/** The offer in the customer's words: how much off, for how long. */
async function describeOffer(coupon: Coupon, locale: string): Promise<string> {
  const t = await getTranslations('Portal');
  const discount = coupon.percentOff !== null ? formatTaxRate(coupon.percentOff, locale) : formatMoney({ amount: coupon.amountOff!, currency: coupon.currency! }, locale);
  return t('retentionOffer', { discount, duration: coupon.duration, months: coupon.durationInMonths ?? 0 });
}
