import { PortalLink } from '@/components/portal/PortalLink';
import { getTranslations } from 'next-intl/server';
import { postalAddressLines } from '@/lib/billing/postal-address';
import type { TPortalContext } from '@/lib/portal/get-portal-context';
import { Section } from './Section';

/** The overview's billing details: who the invoices are made out to, with the way to change it when the merchant allows. */
export async function BillingDetailsSummary({ ctx }: { ctx: TPortalContext }) {
  const t = await getTranslations('Portal');
  const { customer, features, locale } = ctx;
  const editable = features.customerUpdate && features.customerAllowedUpdates.length > 0;
  return (
    <Section
      id="billing-details"
      title={t('billingDetails')}
      action={editable && <PortalLink className="text-sm font-medium underline underline-offset-4" href="/portal/billing-details">{t('editDetails')}</PortalLink>}
    >
      <address className="not-italic text-zinc-700 dark:text-zinc-300">
        {customer.name && <p className="font-medium text-zinc-900 dark:text-zinc-100">{customer.name}</p>}
        <p>{customer.email}</p>
        {customer.address && postalAddressLines(customer.address, locale).map((line) => <p key={line}>{line}</p>)}
        {customer.taxIds.map((taxId) => <p key={taxId.value} className="tabular-nums">{taxId.value}</p>)}
      </address>
    </Section>
  );
}
