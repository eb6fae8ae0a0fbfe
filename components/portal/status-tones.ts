import type { TBadgeTone } from './StatusBadge';

const PAYMENT: Record<string, TBadgeTone> = { succeeded: 'good', pending: 'info', failed: 'bad' };
const INVOICE: Record<string, TBadgeTone> = { paid: 'good', open: 'attention' };

export const paymentStatusTone = (status: string): TBadgeTone => PAYMENT[status] ?? 'neutral';
export const invoiceStatusTone = (status: string): TBadgeTone => INVOICE[status] ?? 'neutral';
