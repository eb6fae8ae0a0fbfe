import { cookies, headers } from 'next/headers';
import { getTranslations } from 'next-intl/server';
import { MessagePage } from '@/components/ui/MessagePage';
import { getBranding } from '@/lib/branding/get-branding';
import { getPortalContext } from '@/lib/portal/get-portal-context';
import { findEndedSession } from '@/lib/portal-login/find-ended-session';

// Shown with status 401 when a portal page is opened without a live login. When the browser was in
// a merchant's portal (Back after "Done", or a login that ran out), it says whose, and leads back.
export default async function Unauthorized() {
  // Next renders this boundary with every page, shown or not. Behind a live login it never shows
  // (only requirePortalContext calls unauthorized(), and only without one), so it looks nothing up.
  if (await getPortalContext()) return null;
  const t = await getTranslations('Portal');
  const links = await getTranslations('LinkPage');
  const ended = await findEndedSession(await cookies());
  const branding = ended ? await getBranding(ended.accountId) : undefined;
  return (
    <MessagePage
      title={t('sessionEndedTitle')}
      body={t('sessionEndedBody')}
      merchant={
        ended && branding
          ? {
              name: branding.displayName,
              brandColor: branding.brandColor,
              brandTextColor: branding.brandTextColor,
              nonce: (await headers()).get('x-nonce') ?? undefined,
              back: { href: ended.returnOrigin, label: links('returnTo', { merchant: branding.displayName }) },
            }
          : undefined
      }
    />
  );
}
