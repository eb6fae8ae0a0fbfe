import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { StatusRow } from '@/components/ui/StatusRow';
import { getConfig } from '@/lib/config/get-config';
import { checkDatabase } from '@/lib/db/check-database';
import { countAccountsAndCustomers } from '@/lib/db/count-demo-data';

export const dynamic = 'force-dynamic';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('Home');
  return { title: t('metaTitle') };
}

// The landing page of a self-hosted instance: what it is and whether it is healthy. Customers
// never come here; they arrive through /p/<token>.
export default async function HomePage() {
  const t = await getTranslations('Home');
  const { mode } = getConfig();
  const database = await checkDatabase();
  const demo = mode === 'demo' && database.ok ? await countAccountsAndCustomers() : undefined;

  return (
    <main className="mx-auto max-w-2xl px-4 py-12 sm:py-20">
      <h1 className="text-3xl font-semibold tracking-tight">{t('title')}</h1>
      <p className="mt-4 text-lg text-zinc-700 dark:text-zinc-300">{t('lead')}</p>

      <section aria-labelledby="status" className="mt-10">
        <h2 id="status" className="text-lg font-semibold">
          {t('status')}
        </h2>
        <dl className="mt-2 divide-y divide-zinc-200 border-y border-zinc-200 dark:divide-zinc-800 dark:border-zinc-800">
          <StatusRow label={t('mode')}>{t('modeName', { mode })}</StatusRow>
          <StatusRow label={t('database')}>
            {t('databaseKind', { kind: database.kind })}
            {database.ok ? ` · ${t('databaseOk')}` : ''}
          </StatusRow>
        </dl>
      </section>

      {demo && (
        <section aria-labelledby="demo" className="mt-10">
          <h2 id="demo" className="text-lg font-semibold">
            {t('demoTitle')}
          </h2>
          <p className="mt-2 text-zinc-700 dark:text-zinc-300">{t('demoSummary', demo)}</p>
        </section>
      )}

      <p className="mt-10 text-sm text-zinc-600 dark:text-zinc-400">{t('docs')}</p>
    </main>
  );
}
