import { getTranslations } from 'next-intl/server';

// Shown with status 401 when a portal page is opened without a live login.
export default async function Unauthorized() {
  const t = await getTranslations('Portal');
  return (
    <main className="mx-auto max-w-lg px-4 py-20">
      <h1 className="text-2xl font-semibold tracking-tight">{t('sessionEndedTitle')}</h1>
      <p className="mt-4 text-zinc-700 dark:text-zinc-300">{t('sessionEndedBody')}</p>
    </main>
  );
}
