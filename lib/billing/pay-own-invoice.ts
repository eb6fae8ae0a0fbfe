import 'server-only';
import type { TActionScope } from './customer-scope';
import { ApiError } from '../api/errors';
import { recordAudit } from '../audit/record-audit';
import { payInvoice } from '../billing-engine/pay-invoice';
import { billingTime } from '../billing-engine/billing-time';
import { getPrisma } from '../db/get-db';
import { amountDue } from './amount-due';
import { prepareChallenge, recordChallenge } from './card-challenges';

/**
 * The customer pays one of their open invoices from the portal, with a saved card of theirs (the
 * default unless they name one). A decline is answered with its code and leaves the invoice open;
 * paid, a subscription that waited on it is active again (payInvoice). A card whose bank asks the
 * customer to confirm is charged only once they have (settleChallenge).
 */
export async function payOwnInvoice(scope: TActionScope, portalLoginId: string, invoiceId: string, paymentMethodId?: string) {
  const { accountId, customerId } = scope;
  const prisma = getPrisma();
  const [invoice, card] = await Promise.all([
    prisma.invoice.findFirst({ where: { id: invoiceId, accountId, customerId }, select: { id: true, status: true, total: true, amountPaid: true, currency: true, customer: { select: { accountId: true, testClockId: true } } } }),
    prisma.paymentMethod.findFirst({ where: { accountId, customerId, detachedAt: null, ...(paymentMethodId ? { id: paymentMethodId } : { isDefault: true }) } }),
  ]);
  if (!invoice) throw new ApiError('not_found', 'No such invoice.');
  if (invoice.status !== 'open') throw new ApiError('invalid_state', 'This invoice is not open.');
  if (!card) throw paymentMethodId ? new ApiError('not_found', 'No such payment method.', 'paymentMethodId') : new ApiError('validation_error', 'no_default_card', 'paymentMethodId');
  const challenge = await prepareChallenge(accountId);
  const outcome = await payInvoice({ accountId, invoiceId, paymentMethodId: card.id, at: await billingTime(prisma, invoice.customer, new Date()), mode: { onSession: challenge.onSession } });
  if ('challenge' in outcome) {
    const start = { id: challenge.id, portalLoginId, purpose: 'invoice_payment', processorChallengeId: outcome.challenge.id, invoiceId, paymentMethodId: card.id, amount: amountDue(invoice), currency: invoice.currency } as const;
    return recordChallenge(scope, start, outcome.challenge.url);
  }
  await recordAudit({ ...scope, action: 'invoice.pay', outcome: outcome.paid ? 'ok' : 'failed', metadata: { invoiceId, paymentId: outcome.paymentId } });
  if (!outcome.paid) throw new ApiError('validation_error', outcome.code, 'paymentMethodId');
  return { invoiceId, paymentId: outcome.paymentId, status: 'paid' as const };
}
