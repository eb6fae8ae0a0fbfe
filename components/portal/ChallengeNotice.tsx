import { getTranslations } from 'next-intl/server';
import { messageKeyOfCode } from '@/lib/portal-client/portal-request';

const SUCCESS: Record<string, string> = { card_saved: 'cardSaved', invoice_paid: 'invoicePaid' };

/**
 * How a check with the customer's bank (3-D Secure) ended, on the page they started from: the
 * outcome's code comes in the URL, and only known codes are turned into words.
 */
export async function ChallengeNotice({ outcome }: { outcome?: string | string[] }) {
  if (typeof outcome !== 'string' || !/^[a-z_]{1,40}$/.test(outcome)) return null;
  const t = await getTranslations('PortalActions');
  const success = SUCCESS[outcome];
  return success ? (
    <p className="mb-6 rounded-lg border border-emerald-700/30 bg-emerald-50 px-4 py-3 text-emerald-900 dark:border-emerald-400/30 dark:bg-emerald-950 dark:text-emerald-100">{t(success)}</p>
  ) : (
    <p role="alert" className="mb-6 rounded-lg border border-red-700/30 bg-red-50 px-4 py-3 text-red-900 dark:border-red-400/30 dark:bg-red-950 dark:text-red-100">{t(messageKeyOfCode(outcome))}</p>
  );
}
