import { getTranslations } from 'next-intl/server';
import { CardLabel } from './CardLabel';

type TCard = { id: string; cardBrand: string; cardLast4: string; expMonth: number; expYear: number; isDefault: boolean };

export async function CardList({ cards }: { cards: TCard[] }) {
  const t = await getTranslations('Portal');
  if (cards.length === 0) return <p className="text-zinc-700 dark:text-zinc-300">{t('noPaymentMethod')}</p>;
  return (
    <ul className="divide-y divide-zinc-200 rounded-xl border border-zinc-200 dark:divide-zinc-800 dark:border-zinc-800">
      {cards.map((card) => (
        <li key={card.id} className="flex flex-wrap items-center gap-x-4 gap-y-1 p-4">
          <span className="font-medium"><CardLabel brand={card.cardBrand} last4={card.cardLast4} /></span>
          <span className="text-sm text-zinc-600 dark:text-zinc-400">{t('expires', { month: String(card.expMonth).padStart(2, '0'), year: card.expYear })}</span>
          {card.isDefault && <span className="rounded-md bg-zinc-100 px-2 py-0.5 text-xs font-medium dark:bg-zinc-800">{t('default')}</span>}
        </li>
      ))}
    </ul>
  );
}
