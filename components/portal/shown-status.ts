import type { TBadgeTone, TShownStatus } from './StatusBadge';

const PAYMENT: Record<string, TBadgeTone> = { succeeded: 'good', pending: 'info', failed: 'bad' };
const INVOICE: Record<string, TBadgeTone> = { paid: 'good', open: 'attention' };

/** The Portal messages' translation, as much of it as a status needs. */
type TStatusWords = (key: 'paymentStatus' | 'invoiceStatus', values: { status: string }) => string;

/** A payment's state in the customer's words, with its tint. */
export const shownPaymentStatus = (t: TStatusWords, status: string): TShownStatus => ({ label: t('paymentStatus', { status }), tone: PAYMENT[status] ?? 'neutral' });
/** An invoice's state in the customer's words, with its tint. */
export const shownInvoiceStatus = (t: TStatusWords, status: string): TShownStatus => ({ label: t('invoiceStatus', { status }), tone: INVOICE[status] ?? 'neutral' });
