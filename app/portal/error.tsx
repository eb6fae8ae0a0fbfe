'use client';

import { useTranslations } from 'next-intl';

// A failure while rendering a portal page: words, a retry, and never a stack trace.
export default function PortalError({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const t = useTranslations('Errors');
  return (
    <main className="mx-auto max-w-lg px-4 py-20">
      <h1 className="text-2xl font-semibold tracking-tight">{t('errorTitle')}</h1>
      <p className="mt-4 text-zinc-700 dark:text-zinc-300">{t('errorBody')}</p>
      <button type="button" onClick={reset} className="mt-6 min-h-11 rounded-lg border border-zinc-300 px-4 font-medium dark:border-zinc-700">
        {t('tryAgain')}
      </button>
    </main>
  );
}
