import { getTranslations } from 'next-intl/server';
import { MessagePage } from '@/components/ui/MessagePage';

// 404 for any page, including a portal object that is not the customer's.
export default async function NotFound() {
  const t = await getTranslations('Errors');
  return <MessagePage title={t('notFoundTitle')} body={t('notFoundBody')} />;
}
