'use client';

import { useTranslations } from 'next-intl';
import { primaryButton } from '@/components/ui/button-styles';
import { errorMessageKey } from '@/lib/portal-client/portal-request';

type TProps = { label: string; pendingLabel: string; pending: boolean; error: unknown; onClick: () => void; className?: string };

/** One change's button: busy while it runs, and what went wrong in the customer's words beneath it. */
export function MutationButton({ label, pendingLabel, pending, error, onClick, className = primaryButton }: TProps) {
  const t = useTranslations('PortalActions');
  return (
    <div>
      <button type="button" className={className} disabled={pending} aria-busy={pending} onClick={onClick}>
        {pending ? pendingLabel : label}
      </button>
      {error ? <p role="alert" className="mt-2 text-red-700 dark:text-red-400">{t(errorMessageKey(error))}</p> : null}
    </div>
  );
}
