import { PortalLink } from '@/components/portal/PortalLink';
import { getTranslations } from 'next-intl/server';

// Under an invoice or a receipt: its PDF, and the way back to the list it came from.
export async function DocumentActions({ pdfHref, backHref, backLabel }: { pdfHref: string; backHref: string; backLabel: string }) {
  const t = await getTranslations('Portal');
  return (
    <div className="mt-6 flex flex-wrap gap-4">
      <a className="inline-flex min-h-11 items-center rounded-lg bg-[var(--brand)] px-4 font-semibold text-[var(--brand-text)]" href={pdfHref}>
        {t('download')}
      </a>
      <PortalLink className="inline-flex min-h-11 items-center underline underline-offset-4" href={backHref}>{backLabel}</PortalLink>
    </div>
  );
}
