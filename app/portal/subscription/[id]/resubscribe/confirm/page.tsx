import { PortalLink } from '@/components/portal/PortalLink';
import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { ConfirmResubscribe } from '@/components/portal/ConfirmResubscribe';
import { ChargeLines } from '@/components/portal/PlanChangePreview';
import { PortalFrame } from '@/components/portal/PortalFrame';
import { ActionsProvider } from '@/components/portal/ActionsProvider';
import { Money } from '@/components/ui/Money';
import { ApiError } from '@/lib/api/errors';
import { isPlanRefusal } from '@/lib/billing/change-own-plan';
import { findDefaultCard } from '@/lib/billing/default-card';
import { previewRestart } from '@/lib/billing/resubscribe';
import { isId } from '@/lib/ids/new-id';
import { formatMoney } from '@/lib/money/format-money';
import { cardBrandName } from '@/lib/payments/card-brand-name';
import { planChoiceFrom, type TPlanChoiceQuery } from '@/lib/portal/plan-choice-query';
import { requirePortalContext } from '@/lib/portal/require-portal-context';

type TProps = { params: Promise<{ id: string }>; searchParams: Promise<TPlanChoiceQuery> };

// What starting again costs today (the first invoice, computed as it will be issued), to confirm.
export default async function ConfirmResubscribePage({ params, searchParams }: TProps) {
  const ctx = await requirePortalContext();
  const { id } = await params;
  if (!ctx.features.resubscribe || !isId('subscription', id)) notFound();
  const query = await searchParams;
  const choice = planChoiceFrom(id, query);
  const [t, tActions, tPortal, card] = await Promise.all([getTranslations('PlanChange'), getTranslations('PortalActions'), getTranslations('Portal'), findDefaultCard(ctx.login)]);
  const preview = await previewRestart(ctx.login, choice, ctx.features).catch((error: unknown) => {
    if (error instanceof ApiError) return error;
    throw error;
  });
  if (preview instanceof ApiError && preview.code === 'not_found') notFound();
  const { locale } = ctx;
  return (
    <PortalFrame ctx={ctx} current="subscription" title={t('resubscribeConfirmTitle')}>
      {preview instanceof ApiError ? (
        <p role="alert">{isPlanRefusal(preview.message) ? tActions(`errors.${preview.message}`) : t('notChangeable')}</p>
      ) : (
        <div className="grid max-w-2xl gap-6">
          <p>
            <span className="font-medium">{preview.option.product.name}</span> ·{' '}
            <span className="tabular-nums">{`${preview.quantity === 1 ? '' : `${preview.quantity} × `}${tPortal('perInterval', { amount: formatMoney({ amount: preview.price.unitAmount, currency: preview.price.currency }, locale), interval: preview.price.interval })}`}</span>
          </p>
          <section aria-labelledby="due-today" className="rounded-xl border border-zinc-200 p-5 dark:border-zinc-800">
            <h2 className="flex justify-between gap-4 text-lg font-semibold">
              <span id="due-today">{t('dueToday')}</span>
              <Money amount={preview.charge.amountDue} currency={preview.charge.currency} locale={locale} className="tabular-nums" />
            </h2>
            <ChargeLines charge={preview.charge} locale={locale} label={t('dueToday')} />
            {card && <p className="mt-3 text-sm text-zinc-700 dark:text-zinc-300">{tPortal('chargedTo', { card: tPortal('cardLabel', { brand: cardBrandName(card.cardBrand), last4: card.cardLast4 }) })}</p>}
          </section>
          {card ? (
            <ActionsProvider>
              <ConfirmResubscribe subscriptionId={id} price={preview.price.id} quantity={preview.quantity} amount={formatMoney({ amount: preview.charge.amountDue, currency: preview.charge.currency }, locale)} />
            </ActionsProvider>
          ) : (
            ctx.features.paymentMethodUpdate && <p><PortalLink className="font-medium underline underline-offset-4" href="/portal/payment-method">{tActions('errors.no_default_card')}</PortalLink></p>
          )}
        </div>
      )}
      <p className="mt-6 text-sm">
        <PortalLink className="underline underline-offset-4" href={`/portal/subscription/${id}/resubscribe`}>{t('backToPlans')}</PortalLink>
      </p>
    </PortalFrame>
  );
}
