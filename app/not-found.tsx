import { getTranslations } from 'next-intl/server';

// 404 for any page, including a portal object that is not the customer's.
export default async function NotFound() {
  const t = await getTranslations('Errors');
  return (
    <main className="mx-auto max-w-lg px-4 py-20">
      <h1 className="text-2xl font-semibold tracking-tight">{t('notFoundTitle')}</h1>
      <p className="mt-4 text-zinc-700 dark:text-zinc-300">{t('notFoundBody')}</p>
    </main>
  );
}
