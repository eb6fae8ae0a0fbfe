import { getTranslations } from 'next-intl/server';
import { Money } from '@/components/ui/Money';
import type { TPlanChangePreview } from '@/lib/billing/change-own-plan';
import { planOf, type TSubscriptionCharge } from '@/lib/billing/renewal-charge';
import { totalsRows } from '@/lib/billing/totals-rows';
import type { PaymentMethod } from '@/lib/db/generated/client';
import { formatDate } from '@/lib/i18n/format-date';
import { formatMoney } from '@/lib/money/format-money';
import { cardBrandName } from '@/lib/payments/card-brand-name';
import { ConfirmPlanChange } from './ConfirmPlanChange';
import { ActionsProvider } from './ActionsProvider';
import { TotalsList } from './TotalsList';
import { lineDescription } from '@/lib/billing/line-description';

type TProps = { preview: TPlanChangePreview; behavior: 'create_prorations' | 'none' | 'always_invoice'; card: PaymentMethod | null; locale: string };

/** From and to, what is charged today, and the next invoice with its date: every amount from the dry run of the change. */
export async function PlanChangePreview({ preview, behavior, card, locale }: TProps) {
  const [t, tPortal] = await Promise.all([getTranslations('PlanChange'), getTranslations('Portal')]);
  const { subscription, option, price, quantity, dueNow, next } = preview;
  const from = planOf(subscription);
  const currentQuantity = subscription.items[0]!.quantity;
  const perInterval = (amount: bigint, interval: string) => tPortal('perInterval', { amount: formatMoney({ amount, currency: subscription.currency }, locale), interval });
  const row = 'flex flex-wrap justify-between gap-x-4 gap-y-1 py-3';
  const todayNote =
    preview.timing === 'period_end' ? t('changesOn', { date: formatDate(subscription.currentPeriodEnd, locale) })
    : subscription.status === 'trialing' ? t('inTrial')
    : dueNow ? null
    : behavior === 'none' ? t('noProration')
    : t('prorationsNextInvoice');
  const chargesCard = dueNow && subscription.collectionMethod === 'charge_automatically' && card;
  return (
    <div className="grid max-w-2xl gap-6">
      <dl className="divide-y divide-zinc-200 rounded-xl border border-zinc-200 px-5 dark:divide-zinc-800 dark:border-zinc-800">
        <div className={row}>
          <dt className="text-zinc-600 dark:text-zinc-400">{t('from')}</dt>
          <dd className="text-end"><span className="font-medium">{from.name}</span> · <span className="tabular-nums">{seatsOf(currentQuantity, perInterval(subscription.items[0]!.price.unitAmount, from.interval))}</span></dd>
        </div>
        <div className={row}>
          <dt className="text-zinc-600 dark:text-zinc-400">{t('to')}</dt>
          <dd className="text-end"><span className="font-medium">{option.product.name}</span> · <span className="tabular-nums">{seatsOf(quantity, perInterval(price.unitAmount, price.interval))}</span></dd>
        </div>
      </dl>
      <section aria-labelledby="due-today" className="rounded-xl border border-zinc-200 p-5 dark:border-zinc-800">
        <h2 className="flex justify-between gap-4 text-lg font-semibold">
          <span id="due-today">{t('dueToday')}</span>
          <Money amount={dueNow?.amountDue ?? 0n} currency={subscription.currency} locale={locale} className="tabular-nums" />
        </h2>
        {todayNote && <p className="mt-2 text-sm text-zinc-700 dark:text-zinc-300">{todayNote}</p>}
        {dueNow && <ChargeLines charge={dueNow} locale={locale} label={t('dueToday')} />}
        {chargesCard && <p className="mt-3 text-sm text-zinc-700 dark:text-zinc-300">{tPortal('chargedTo', { card: tPortal('cardLabel', { brand: cardBrandName(card.cardBrand), last4: card.cardLast4 }) })}</p>}
      </section>
      <section aria-labelledby="next-invoice" className="rounded-xl border border-zinc-200 p-5 dark:border-zinc-800">
        <h2 className="flex justify-between gap-4 text-lg font-semibold">
          <span id="next-invoice">{t('nextInvoice', { date: formatDate(next.date, locale) })}</span>
          <Money amount={next.charge.amountDue} currency={subscription.currency} locale={locale} className="tabular-nums" />
        </h2>
        <ChargeLines charge={next.charge} locale={locale} label={t('nextInvoice', { date: formatDate(next.date, locale) })} />
      </section>
      <ActionsProvider>
        <ConfirmPlanChange
          subscriptionId={subscription.id}
          price={price.id}
          quantity={quantity}
          prorationDate={preview.prorationDate}
          amountToday={dueNow ? formatMoney({ amount: dueNow.amountDue, currency: subscription.currency }, locale) : null}
          scheduledFor={preview.timing === 'period_end' ? formatDate(subscription.currentPeriodEnd, locale) : null}
        />
      </ActionsProvider>
    </div>
  );
}

// Seats times the price per seat, written alike in every locale.
const seatsOf = (quantity: number, each: string) => (quantity === 1 ? each : `${quantity} × ${each}`);

/** A charge's lines (a proration's credit shows as a negative amount) and its totals. */
export async function ChargeLines({ charge, locale, label }: { charge: TSubscriptionCharge; locale: string; label: string }) {
  const tDoc = await getTranslations('Pdf');
  return (
    <>
      <ul aria-label={label} className="mt-3 divide-y divide-zinc-200 text-sm dark:divide-zinc-800">
        {charge.lines.map((line, n) => (
          <li key={n} className="flex justify-between gap-4 py-2">
            <span>{lineDescription(line, tDoc, locale)}</span>
            <Money amount={line.amount} currency={charge.currency} locale={locale} className="whitespace-nowrap tabular-nums" />
          </li>
        ))}
      </ul>
      <TotalsList rows={totalsRows(charge, tDoc, locale)} currency={charge.currency} locale={locale} className="mt-2 border-t border-zinc-200 pt-2 dark:border-zinc-800" />
    </>
  );
}
