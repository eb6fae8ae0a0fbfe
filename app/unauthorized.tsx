import { getTranslations } from 'next-intl/server';
import { MessagePage } from '@/components/ui/MessagePage';

// Shown with status 401 when a portal page is opened without a live login.
export default async function Unauthorized() {
  const t = await getTranslations('Portal');
  return <MessagePage title={t('sessionEndedTitle')} body={t('sessionEndedBody')} />;
}
