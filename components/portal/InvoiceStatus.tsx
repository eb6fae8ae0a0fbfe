import { useTranslations } from 'next-intl';
import { StatusBadge } from './StatusBadge';
import { shownInvoiceStatus } from './shown-status';

export function InvoiceStatus({ status }: { status: string }) {
  return <StatusBadge {...shownInvoiceStatus(useTranslations('Portal'), status)} />;
}
