'use client';

import { useId, useState } from 'react';
import { useTranslations } from 'next-intl';
import { primaryButton, secondaryButton } from '@/components/ui/button-styles';
import { taxIdExample, type TTaxIdType } from '@/lib/billing/tax-ids';
import { announce } from '@/lib/portal-client/announce';
import { errorMessageKey, PortalRequestError } from '@/lib/portal-client/portal-request';
import { useUpdateDetails, type TDetailsPatch } from '@/lib/portal-client/use-customer-mutations';
import { isCustomerField, type TCustomerField } from '@/lib/portal/customer-fields';

type TAddress = { line1: string; line2: string; city: string; state: string; postalCode: string; country: string };
export type TDetails = { email: string; name: string; phone: string; address: TAddress; taxIds: { type: TTaxIdType; value: string }[] };
type TProps = { initial: TDetails; allowed: TCustomerField[]; countries: [code: string, name: string][]; taxIdTypes: TTaxIdType[] };

// Countries whose addresses name a state, province or prefecture; elsewhere the field is left out.
const WITH_REGION = new Set(['US', 'CA', 'AU', 'BR', 'IN', 'JP', 'MX', 'ID', 'CN', 'IT', 'ES', 'IE', 'AR', 'MY', 'NG', 'ZA', 'AE']);
// The tax ID a country's businesses have, offered first when the country is picked.
const TAX_ID_OF_COUNTRY: Record<string, TTaxIdType> = { GB: 'gb_vat', ID: 'id_npwp', AU: 'au_abn', JP: 'jp_cn', US: 'us_ein', IN: 'in_gst', BR: 'br_cnpj' };

const blank = (value: string) => value.trim() || null;

/** Which field a server refusal names (the API's param: "email", "address.postalCode", "taxIds.0.value"). */
function fieldOf(error: unknown): string | undefined {
  return error instanceof PortalRequestError ? error.param?.replace(/\.value$/, '') : undefined;
}

export function BillingDetailsForm({ initial, allowed, countries, taxIdTypes }: TProps) {
  const t = useTranslations('PortalActions');
  const id = useId();
  const update = useUpdateDetails();
  const [values, setValues] = useState(initial);
  const can = (field: TCustomerField) => allowed.includes(field);
  const refused = fieldOf(update.error);
  const errorFor = (field: string) => (refused === field ? `details.invalid.${field.split('.')[0]}` : undefined);
  const formError = update.isError && !(refused && isCustomerField(refused.split('.')[0]!)) ? errorMessageKey(update.error) : undefined;
  const input = 'mt-1 w-full min-h-11 rounded-lg border border-zinc-300 bg-transparent px-3 aria-[invalid=true]:border-red-700 dark:border-zinc-600 dark:aria-[invalid=true]:border-red-400';
  const setAddress = (part: keyof TAddress, value: string) => setValues({ ...values, address: { ...values.address, [part]: value } });

  const text = (name: string, label: string, value: string, onChange: (v: string) => void, props: React.InputHTMLAttributes<HTMLInputElement> = {}) => {
    const error = errorFor(name);
    return (
      <div>
        <label htmlFor={`${id}-${name}`} className="font-medium">{label}</label>
        <input id={`${id}-${name}`} value={value} onChange={(e) => onChange(e.target.value)} aria-invalid={error ? true : undefined} aria-describedby={error ? `${id}-${name}-error` : undefined} className={input} {...props} />
        {error && <p id={`${id}-${name}-error`} className="mt-1 text-sm text-red-700 dark:text-red-400">{t(error)}</p>}
      </div>
    );
  };

  const patch = (): TDetailsPatch => {
    const { address: a } = values;
    const hasAddress = a.country !== '';
    return {
      ...(can('name') ? { name: blank(values.name) } : {}),
      ...(can('email') ? { email: values.email.trim() } : {}),
      ...(can('phone') ? { phone: blank(values.phone) } : {}),
      ...(can('address') ? { address: hasAddress ? { line1: blank(a.line1), line2: blank(a.line2), city: blank(a.city), state: WITH_REGION.has(a.country) ? blank(a.state) : null, postalCode: blank(a.postalCode), country: a.country } : null } : {}),
      ...(can('taxIds') ? { taxIds: values.taxIds.filter((taxId) => taxId.value.trim() !== '') } : {}),
    };
  };

  return (
    <form
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        update.mutate(patch(), { onSuccess: () => announce(t('details.saved')) });
      }}
      className="grid max-w-lg gap-4"
    >
      {can('name') && text('name', t('details.name'), values.name, (name) => setValues({ ...values, name }), { autoComplete: 'name' })}
      {can('email') && text('email', t('details.email'), values.email, (email) => setValues({ ...values, email }), { type: 'email', autoComplete: 'email' })}
      {can('phone') && text('phone', t('details.phone'), values.phone, (phone) => setValues({ ...values, phone }), { type: 'tel', autoComplete: 'tel' })}
      {can('address') && (
        <fieldset className="grid gap-4">
          <legend className="mb-2 text-base font-semibold">{t('details.address')}</legend>
          <div>
            <label htmlFor={`${id}-country`} className="font-medium">{t('details.country')}</label>
            <select id={`${id}-country`} value={values.address.country} onChange={(e) => setAddress('country', e.target.value)} autoComplete="country" className={input}>
              <option value="">{t('details.noAddress')}</option>
              {countries.map(([code, name]) => <option key={code} value={code}>{name}</option>)}
            </select>
          </div>
          {values.address.country && (
            <>
              {text('address.line1', t('details.line1'), values.address.line1, (v) => setAddress('line1', v), { autoComplete: 'address-line1' })}
              {text('address.line2', t('details.line2'), values.address.line2, (v) => setAddress('line2', v), { autoComplete: 'address-line2' })}
              <div className="grid gap-4 sm:grid-cols-2">
                {text('address.city', t('details.city'), values.address.city, (v) => setAddress('city', v), { autoComplete: 'address-level2' })}
                {text('address.postalCode', t('details.postalCode'), values.address.postalCode, (v) => setAddress('postalCode', v), { autoComplete: 'postal-code' })}
              </div>
              {WITH_REGION.has(values.address.country) && text('address.state', t('details.state'), values.address.state, (v) => setAddress('state', v), { autoComplete: 'address-level1' })}
            </>
          )}
        </fieldset>
      )}
      {can('taxIds') && (
        <fieldset className="grid gap-3">
          <legend className="mb-2 text-base font-semibold">{t('details.taxIds')}</legend>
          {values.taxIds.map((taxId, n) => {
            const error = errorFor(`taxIds.${n}`);
            const setTaxId = (next: Partial<TDetails['taxIds'][number]>) => setValues({ ...values, taxIds: values.taxIds.map((x, i) => (i === n ? { ...x, ...next } : x)) });
            return (
              <div key={n} className="grid gap-2 sm:grid-cols-[minmax(0,12rem)_1fr_auto] sm:items-end">
                <div>
                  <label htmlFor={`${id}-tax-type-${n}`} className="text-sm font-medium">{t('details.taxIdType')}</label>
                  <select id={`${id}-tax-type-${n}`} value={taxId.type} onChange={(e) => setTaxId({ type: e.target.value as TTaxIdType })} className={input}>
                    {taxIdTypes.map((type) => <option key={type} value={type}>{t(`details.taxIdTypes.${type}`)}</option>)}
                  </select>
                </div>
                <div>
                  <label htmlFor={`${id}-tax-value-${n}`} className="text-sm font-medium">{t('details.taxIdValue')}</label>
                  <input id={`${id}-tax-value-${n}`} value={taxId.value} onChange={(e) => setTaxId({ value: e.target.value })} placeholder={taxIdExample(taxId.type)} aria-invalid={error ? true : undefined} aria-describedby={error ? `${id}-tax-error-${n}` : undefined} className={input} />
                </div>
                <button type="button" className={`${secondaryButton} justify-self-start`} onClick={() => setValues({ ...values, taxIds: values.taxIds.filter((_, i) => i !== n) })}>
                  {t('remove')}<span className="sr-only"> ({taxId.value || t('details.taxIdValue')})</span>
                </button>
                {error && <p id={`${id}-tax-error-${n}`} className="text-sm text-red-700 sm:col-span-3 dark:text-red-400">{t(error, { example: taxIdExample(taxId.type) })}</p>}
              </div>
            );
          })}
          {values.taxIds.length < 5 && (
            <button type="button" className={`${secondaryButton} justify-self-start`} onClick={() => setValues({ ...values, taxIds: [...values.taxIds, { type: TAX_ID_OF_COUNTRY[values.address.country] ?? 'eu_vat', value: '' }] })}>
              {t('details.addTaxId')}
            </button>
          )}
        </fieldset>
      )}
      {formError && <p role="alert" className="text-red-700 dark:text-red-400">{t(formError)}</p>}
      <div>
        <button type="submit" className={primaryButton} disabled={update.isPending} aria-busy={update.isPending}>
          {update.isPending ? t('saving') : t('details.save')}
        </button>
      </div>
    </form>
  );
}
