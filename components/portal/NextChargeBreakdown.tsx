import { getTranslations } from 'next-intl/server';
import type { TRenewalCharge } from '@/lib/billing/renewal-charge';
import { totalsRows } from '@/lib/billing/totals-rows';
import { TotalsList } from './TotalsList';

// How the next charge adds up, shown only where there is something to add (a tax, a discount, a credit).
export async function NextChargeBreakdown({ charge, locale }: { charge: TRenewalCharge; locale: string }) {
  if (charge.tax === 0n && charge.discount === 0n && charge.startingBalance === charge.endingBalance) return null;
  const [t, tPortal] = await Promise.all([getTranslations('Pdf'), getTranslations('Portal')]);
  return <TotalsList rows={totalsRows(charge, t, locale)} currency={charge.currency} locale={locale} label={tPortal('nextChargeBreakdown')} className="mt-2 max-w-xs" />;
}
