import { getTranslations } from 'next-intl/server';
import { cardBrandName } from '@/lib/payments/card-brand-name';
import { CardActions } from './CardActions';

type TCard = { id: string; cardBrand: string; cardLast4: string; expMonth: number; expYear: number; isDefault: boolean };

function expiryState(card: TCard, now = new Date()): 'expired' | 'soon' | undefined {
  const months = (card.expYear - now.getUTCFullYear()) * 12 + (card.expMonth - (now.getUTCMonth() + 1));
  if (months < 0) return 'expired';
  return months <= 2 ? 'soon' : undefined;
}

// The saved cards, the default marked in words; with actions when the customer may change them.
export async function CardList({ cards, manageable }: { cards: TCard[]; manageable: boolean }) {
  const t = await getTranslations('Portal');
  const ta = await getTranslations('PortalActions');
  if (cards.length === 0) return <p className="text-zinc-700 dark:text-zinc-300">{t('noPaymentMethod')}</p>;
  return (
    <ul className="boxed-list">
      {cards.map((card) => {
        const label = t('cardLabel', { brand: cardBrandName(card.cardBrand), last4: card.cardLast4 });
        const expiry = expiryState(card);
        return (
          <li key={card.id} className="flex flex-wrap items-center gap-x-4 gap-y-2 p-4">
            <div className="min-w-40 flex-1">
              <p className="font-medium">{label}</p>
              <p className="text-sm text-zinc-600 dark:text-zinc-400">
                {t('expires', { month: String(card.expMonth).padStart(2, '0'), year: card.expYear })}
                {expiry && <span className="ms-2 font-medium text-amber-800 dark:text-amber-300">{ta(expiry === 'expired' ? 'expired' : 'expiresSoon')}</span>}
              </p>
            </div>
            {card.isDefault ? (
              <span className="rounded-md bg-zinc-100 px-2 py-0.5 text-xs font-medium dark:bg-zinc-800">{t('default')}</span>
            ) : (
              manageable && <CardActions paymentMethodId={card.id} label={label} />
            )}
          </li>
        );
      })}
    </ul>
  );
}
