import { PortalLink } from '@/components/portal/PortalLink';
import { getTranslations } from 'next-intl/server';

// Keyset paging: "Older" follows the cursor; "Back to newest" returns to the first page.
export async function Pager({ path, nextCursor, isFirst }: { path: string; nextCursor: string | null; isFirst: boolean }) {
  const t = await getTranslations('Portal');
  if (!nextCursor && isFirst) return null;
  const link = 'inline-flex min-h-11 items-center rounded-lg border border-zinc-300 px-4 text-sm font-medium dark:border-zinc-700';
  return (
    <nav aria-label={t('navLabel')} className="mt-4 flex gap-3">
      {!isFirst && <PortalLink className={link} href={path}>{t('newerPage')}</PortalLink>}
      {nextCursor && <PortalLink className={link} href={`${path}?cursor=${nextCursor}`}>{t('olderPage')}</PortalLink>}
    </nav>
  );
}
