import { readProrationDescription } from '../billing-engine/prorations';
import { formatDate } from '../i18n/format-date';

type TLabels = (key: 'prorationUnused' | 'prorationRemaining', values: { quantity: number; product: string; date: string }) => string;

/**
 * An invoice line's text as a page or PDF shows it: a proration line the engine wrote in English
 * (the API's words, as Stripe's) said in the reader's language, with the date in their format;
 * every other line as it is. `t` is the Pdf namespace, shared by pages and PDFs.
 */
export function lineDescription(line: { description: string; proration: boolean }, t: TLabels, locale: string): string {
  const parts = line.proration ? readProrationDescription(line.description) : null;
  if (!parts) return line.description;
  return t(parts.kind === 'unused' ? 'prorationUnused' : 'prorationRemaining', { quantity: parts.quantity, product: parts.product, date: formatDate(parts.after, locale) });
}
