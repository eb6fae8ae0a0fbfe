import 'server-only';
import type { TActionScope } from './customer-scope';
import { ApiError } from '../api/errors';
import { recordAudit } from '../audit/record-audit';
import { payInvoice } from '../billing-engine/pay-invoice';
import { billingTime } from '../billing-engine/billing-time';
import { getPrisma } from '../db/get-db';

/**
 * The customer pays one of their open invoices from the portal, with a saved card of theirs (the
 * default unless they name one). A decline is answered with its code and leaves the invoice open;
 * paid, a subscription that waited on it is active again (payInvoice).
 */
export async function payOwnInvoice(scope: TActionScope, invoiceId: string, paymentMethodId?: string) {
  const { accountId, customerId } = scope;
  const prisma = getPrisma();
  const [invoice, card] = await Promise.all([
    prisma.invoice.findFirst({ where: { id: invoiceId, accountId, customerId }, select: { id: true, status: true, customer: { select: { accountId: true, testClockId: true } } } }),
    prisma.paymentMethod.findFirst({ where: { accountId, customerId, detachedAt: null, ...(paymentMethodId ? { id: paymentMethodId } : { isDefault: true }) } }),
  ]);
  if (!invoice) throw new ApiError('not_found', 'No such invoice.');
  if (invoice.status !== 'open') throw new ApiError('invalid_state', 'This invoice is not open.');
  if (!card) throw paymentMethodId ? new ApiError('not_found', 'No such payment method.', 'paymentMethodId') : new ApiError('validation_error', 'no_default_card', 'paymentMethodId');
  const outcome = await payInvoice({ accountId, invoiceId, paymentMethodId: card.id, at: await billingTime(prisma, invoice.customer, new Date()) });
  await recordAudit({ ...scope, action: 'invoice.pay', outcome: outcome.paid ? 'ok' : 'failed', metadata: { invoiceId, paymentId: outcome.paymentId } });
  if (!outcome.paid) throw new ApiError('validation_error', outcome.code, 'paymentMethodId');
  return { invoiceId, paymentId: outcome.paymentId, status: 'paid' as const };
}
