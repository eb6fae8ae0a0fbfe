'use client';

import { useId, useState } from 'react';
import { useTranslations } from 'next-intl';
import { primaryButton, secondaryButton } from '@/components/ui/button-styles';
import { cardBrandName } from '@/lib/payments/card-brand-name';
import { brandFromPrefix, formatCardNumber, formatCvc, formatExpiry } from '@/lib/payments/card-format';
import { cardBrand, cvcLength, isExpired, normalizeCardNumber, passesLuhn } from '@/lib/payments/card-number';
import { errorMessageKey, PortalRequestError } from '@/lib/portal-client/portal-request';
import { useAddPaymentMethod } from '@/lib/portal-client/use-payment-method-mutations';

type TField = 'number' | 'expiry' | 'cvc';

// Which field a refusal is about, whoever found it (this form, the server or the processor).
const FIELD_OF_CODE: Record<string, TField> = {
  invalid_number: 'number',
  duplicate_card: 'number',
  invalid_expiry: 'expiry',
  expired_card: 'expiry',
  invalid_cvc: 'cvc',
  incorrect_cvc: 'cvc',
};

function parseExpiry(value: string): { expMonth: number; expYear: number } | undefined {
  const match = /^\s*(\d{1,2})\s*\/\s*(\d{2}|\d{4})\s*$/.exec(value);
  if (!match) return undefined;
  const expMonth = Number(match[1]);
  const expYear = match[2]!.length === 2 ? 2000 + Number(match[2]) : Number(match[2]);
  return expMonth >= 1 && expMonth <= 12 ? { expMonth, expYear } : undefined;
}

// The add-card form: checked here (Luhn, expiry, brand, CVC) with errors beside their fields, then
// by the server and the processor. The number and CVC live only in this form's state until sent.
// forInvoice: the card is saved to pay that invoice (onSaved then pays with it).
type TProps = { showMakeDefault: boolean; forInvoice?: string; onDone?: () => void; onSaved?: (paymentMethodId: string) => void };

export function AddCardForm({ showMakeDefault, forInvoice, onDone, onSaved }: TProps) {
  const t = useTranslations('PortalActions');
  const id = useId();
  const add = useAddPaymentMethod();
  const [values, setValues] = useState({ number: '', expiry: '', cvc: '', name: '', makeDefault: true });
  const [errors, setErrors] = useState<Partial<Record<TField, string>>>({});
  const [leaving, setLeaving] = useState(false);
  const brand = brandFromPrefix(normalizeCardNumber(values.number));

  const validate = () => {
    const next: Partial<Record<TField, string>> = {};
    const number = normalizeCardNumber(values.number);
    const brand = cardBrand(number);
    if (!passesLuhn(number) || !brand) next.number = 'errors.invalid_number';
    const expiry = parseExpiry(values.expiry);
    if (!expiry) next.expiry = 'errors.invalid_expiry';
    else if (isExpired(expiry.expMonth, expiry.expYear)) next.expiry = 'errors.expired_card';
    if (!/^\d{3,4}$/.test(values.cvc) || (brand && values.cvc.length !== cvcLength(brand))) next.cvc = brand === 'amex' ? 'errors.invalid_cvc_amex' : 'errors.invalid_cvc';
    setErrors(next);
    return Object.keys(next).length === 0 ? { number, ...expiry! } : undefined;
  };

  const serverField: TField | undefined = add.error instanceof PortalRequestError ? FIELD_OF_CODE[add.error.code] : undefined;
  const fieldError = (field: TField) => errors[field] ?? (serverField === field ? errorMessageKey(add.error) : undefined);
  const formError = add.isError && !fieldError('number') && !fieldError('expiry') && !fieldError('cvc') ? errorMessageKey(add.error) : undefined;

  const input = 'mt-1 w-full min-h-11 rounded-lg border border-zinc-300 bg-transparent px-3 aria-[invalid=true]:border-red-700 dark:border-zinc-600 dark:aria-[invalid=true]:border-red-400';
  // Label, input, then hint and error: in a subgrid row set, so that fields side by side keep their
  // inputs level even when one label wraps onto two lines.
  const field = (name: TField, label: string, format: (value: string) => string, props: React.InputHTMLAttributes<HTMLInputElement>, hint?: string) => {
    const error = fieldError(name);
    const describedBy = [error && `${id}-${name}-error`, hint && `${id}-${name}-hint`].filter(Boolean).join(' ');
    return (
      <div className="row-span-4 grid grid-rows-subgrid content-start">
        <label htmlFor={`${id}-${name}`} className="font-medium">{label}</label>
        <input
          id={`${id}-${name}`}
          name={name}
          value={values[name]}
          onChange={(e) => setValues({ ...values, [name]: format(e.target.value) })}
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy || undefined}
          autoCorrect="off"
          spellCheck={false}
          className={input}
          {...props}
        />
        <p id={`${id}-${name}-hint`} className="mt-1 min-h-5 text-sm text-zinc-600 empty:hidden dark:text-zinc-400">{hint}</p>
        {error ? <p id={`${id}-${name}-error`} className="mt-1 text-sm text-red-700 dark:text-red-400">{t(error)}</p> : <span hidden />}
      </div>
    );
  };

  return (
    <form
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        const card = validate();
        if (!card) return;
        add.mutate(
          { ...card, cvc: values.cvc, name: values.name.trim() || undefined, makeDefault: showMakeDefault ? values.makeDefault : undefined, forInvoice },
          {
            onSuccess: (result) => {
              // On the way to the card's bank (3-D Secure): the form stays as it is until the page changes.
              if (result.status === 'requires_action') return setLeaving(true);
              setValues({ number: '', expiry: '', cvc: '', name: '', makeDefault: true });
              onSaved?.(result.paymentMethod!.id);
              onDone?.();
            },
          },
        );
      }}
      className="grid gap-4"
    >
      <div className="grid">
        {field('number', t('cardNumber'), formatCardNumber, { inputMode: 'numeric', autoComplete: 'cc-number', placeholder: '1234 1234 1234 1234', maxLength: 23 }, brand && cardBrandName(brand))}
      </div>
      <div className="grid grid-cols-2 gap-x-4">
        {field('expiry', t('expiry'), (v) => formatExpiry(v, values.expiry), { inputMode: 'numeric', autoComplete: 'cc-exp', placeholder: t('expiryPlaceholder'), maxLength: 7 })}
        {field('cvc', t('cvc'), (v) => formatCvc(v, brand), { inputMode: 'numeric', autoComplete: 'cc-csc', placeholder: brand === 'amex' ? '1234' : '123', maxLength: brand === 'amex' ? 4 : 3 }, brand === 'amex' ? t('cvcHintFront') : t('cvcHintBack'))}
      </div>
      <div>
        <label htmlFor={`${id}-name`} className="font-medium">{t('nameOnCard')}</label>
        <input id={`${id}-name`} value={values.name} onChange={(e) => setValues({ ...values, name: e.target.value })} autoComplete="cc-name" className={input} />
      </div>
      {showMakeDefault && (
        <label className="flex min-h-8 items-center gap-2">
          <input type="checkbox" checked={values.makeDefault} onChange={(e) => setValues({ ...values, makeDefault: e.target.checked })} className="size-4" />
          {t('makeDefault')}
        </label>
      )}
      {formError && <p role="alert" className="text-red-700 dark:text-red-400">{t(formError)}</p>}
      <div className="flex flex-wrap justify-end gap-3">
        {onDone && <button type="button" className={secondaryButton} onClick={onDone}>{t('cancel')}</button>}
        <button type="submit" className={primaryButton} disabled={add.isPending || leaving} aria-busy={add.isPending || leaving}>
          {add.isPending || leaving ? t('saving') : t('saveCard')}
        </button>
      </div>
    </form>
  );
}
