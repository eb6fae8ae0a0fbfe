import { getTranslations } from 'next-intl/server';
import { primaryButton } from '@/components/ui/button-styles';
import type { TPlanOption } from '@/lib/billing/plan-options';
import type { TRenewableSubscription } from '@/lib/billing/renewal-charge';
import { formatMoney } from '@/lib/money/format-money';
import { StatusBadge } from './StatusBadge';

// restart: choosing a plan to start an ended subscription again, its previous plan chosen at first.
type TProps = { subscription: TRenewableSubscription; options: TPlanOption[]; seats: { enabled: boolean; min: number; max: number }; locale: string; restart?: boolean };

/**
 * The offered plans side by side, one radio per price, and the seats where they may change. A plain
 * form: it works before (and without) JavaScript, and its submit leads to the preview.
 */
export async function PlanPicker({ subscription, options, seats, locale, restart = false }: TProps) {
  const t = await getTranslations('PlanChange');
  const tPortal = await getTranslations('Portal');
  const item = subscription.items[0]!;
  return (
    <form method="get" action={`/portal/subscription/${subscription.id}/${restart ? 'resubscribe' : 'change'}/confirm`} className="grid gap-6">
      <fieldset>
        <legend className="mb-3 font-medium">{t('choosePlan')}</legend>
        <ul className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
          {options.map(({ product, prices }) => (
            <li key={product.id} className="flex flex-col rounded-xl border border-zinc-200 p-5 dark:border-zinc-800">
              <h2 className="text-lg font-semibold">{product.name}</h2>
              {product.description && <p className="mt-1 text-sm text-zinc-700 dark:text-zinc-300">{product.description}</p>}
              <div className="mt-4 grid gap-2">
                {prices.map((price) => {
                  const current = price.id === item.priceId;
                  return (
                    <label key={price.id} className="flex min-h-11 cursor-pointer items-center gap-3 rounded-lg border border-zinc-300 px-3 py-2 has-checked:border-[var(--brand)] has-checked:ring-2 has-checked:ring-[var(--brand)] has-disabled:cursor-default has-disabled:opacity-70 dark:border-zinc-600">
                      <input type="radio" name="price" value={price.id} required disabled={current && !seats.enabled && !restart} defaultChecked={current && (seats.enabled || restart)} className="size-4 accent-[var(--brand)]" />
                      <span className="grid">
                        <span className="font-medium tabular-nums">{tPortal('perInterval', { amount: formatMoney({ amount: price.unitAmount, currency: price.currency }, locale), interval: price.interval })}</span>
                        {price.nickname && <span className="text-sm text-zinc-700 dark:text-zinc-300">{price.nickname}</span>}
                      </span>
                      {current && <span className="ms-auto"><StatusBadge label={restart ? t('previousPlan') : tPortal('currentPlan')} tone="info" /></span>}
                    </label>
                  );
                })}
              </div>
            </li>
          ))}
        </ul>
      </fieldset>
      {seats.enabled && (
        <label className="grid max-w-xs text-sm font-medium">
          {t('seats')}
          <input
            type="number"
            name="quantity"
            inputMode="numeric"
            required
            min={seats.min}
            max={seats.max}
            defaultValue={Math.min(Math.max(item.quantity, seats.min), seats.max)}
            aria-describedby="seat-bounds"
            className="mt-1 min-h-11 rounded-lg border border-zinc-300 bg-transparent px-3 text-base dark:border-zinc-600"
          />
          <span id="seat-bounds" className="mt-1 font-normal text-zinc-700 dark:text-zinc-300">{t('seatBounds', { min: seats.min, max: seats.max })}</span>
        </label>
      )}
      <div>
        <button type="submit" className={primaryButton}>{t('review')}</button>
      </div>
    </form>
  );
}
