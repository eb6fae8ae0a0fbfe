import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { getLocale, getTranslations } from 'next-intl/server';
import { secondaryButton } from '@/components/ui/button-styles';
import { formatMoney } from '@/lib/money/format-money';
import { cardBrandName } from '@/lib/payments/card-brand-name';
import { getTestBank } from '@/lib/payments/test-bank';

export const dynamic = 'force-dynamic';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('TestBank');
  return { title: `${t('title')} · ${t('bankName')}` };
}

const bankButton = 'inline-flex min-h-11 items-center justify-center rounded-lg bg-zinc-900 px-4 font-semibold text-white dark:bg-zinc-100 dark:text-zinc-900';

// The test processor's stand-in for a card's bank (3-D Secure): what is asked, and the two answers a
// test can give. A real processor sends the customer to their actual bank instead.
export default async function TestBankChallengePage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const t = await getTranslations('TestBank');
  const locale = await getLocale();
  const bank = getTestBank();
  const challenge = bank.find(id);
  if (!challenge) notFound();
  const open = bank.outcome(id, new Date()).status === 'pending';
  const card = t('card', { brand: cardBrandName(challenge.card.brand), last4: challenge.card.last4 });
  return (
    <main className="mx-auto max-w-md px-4 py-12">
      <p className="mb-6 text-sm font-semibold tracking-wide text-zinc-600 uppercase dark:text-zinc-400">{t('bankName')}</p>
      <h1 className="text-2xl font-semibold tracking-tight">{t('title')}</h1>
      {!open ? (
        <>
          <p className="mt-4">{t('answered')}</p>
          <a className={`${secondaryButton} mt-8`} href={challenge.returnUrl}>{t('back', { merchant: challenge.merchantName })}</a>
        </>
      ) : (
        <>
          <p className="mt-4">
            {challenge.kind === 'payment'
              ? t('payment', { merchant: challenge.merchantName, amount: formatMoney({ amount: BigInt(challenge.amount!), currency: challenge.currency! }, locale), card })
              : t('setup', { merchant: challenge.merchantName, card })}
          </p>
          <p className="mt-4 text-sm text-zinc-700 dark:text-zinc-300">{t('testNote')}</p>
          <form method="post" action={`/test-processor/challenge/${id}/decide`} className="mt-8 flex flex-wrap gap-3">
            <button type="submit" name="decision" value="succeeded" className={bankButton}>{t('complete')}</button>
            <button type="submit" name="decision" value="failed" className={secondaryButton}>{t('fail')}</button>
          </form>
          <a className="mt-6 inline-block underline underline-offset-4" href={challenge.returnUrl}>{t('back', { merchant: challenge.merchantName })}</a>
        </>
      )}
    </main>
  );
}
