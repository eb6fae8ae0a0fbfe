import { redirect } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { BillingDetailsForm } from '@/components/portal/BillingDetailsForm';
import { PortalFrame } from '@/components/portal/PortalFrame';
import { ActionsProvider } from '@/components/portal/ActionsProvider';
import { COUNTRY_CODES } from '@/lib/billing/country-codes';
import { readPostalAddress } from '@/lib/billing/postal-address';
import { readTaxIds, TAX_ID_TYPES } from '@/lib/billing/tax-ids';
import { getPrisma } from '@/lib/db/get-db';
import { requirePortalContext } from '@/lib/portal/require-portal-context';

// The customer's billing details, as far as the merchant lets them edit them; invoices issued
// afterwards carry what is saved here.
export default async function BillingDetailsPage() {
  const ctx = await requirePortalContext();
  if (!ctx.features.customerUpdate || ctx.features.customerAllowedUpdates.length === 0) redirect('/portal');
  const { accountId, customerId } = ctx.login;
  const [t, customer] = await Promise.all([
    getTranslations('Portal'),
    getPrisma().customer.findFirstOrThrow({ where: { id: customerId, accountId }, select: { email: true, name: true, phone: true, address: true, taxIds: true } }),
  ]);
  const address = readPostalAddress(customer.address);
  const regionName = new Intl.DisplayNames([ctx.locale], { type: 'region' });
  const countries = [...COUNTRY_CODES].map((code): [string, string] => [code, regionName.of(code) ?? code]).sort((a, b) => a[1].localeCompare(b[1], ctx.locale));
  return (
    <PortalFrame ctx={ctx} current={null} title={t('billingDetails')}>
      <ActionsProvider>
        <BillingDetailsForm
          initial={{
            email: customer.email,
            name: customer.name ?? '',
            phone: customer.phone ?? '',
            address: { line1: address?.line1 ?? '', line2: address?.line2 ?? '', city: address?.city ?? '', state: address?.state ?? '', postalCode: address?.postalCode ?? '', country: address?.country ?? '' },
            taxIds: readTaxIds(customer.taxIds),
          }}
          allowed={ctx.features.customerAllowedUpdates}
          countries={countries}
          taxIdTypes={TAX_ID_TYPES}
        />
      </ActionsProvider>
    </PortalFrame>
  );
}
