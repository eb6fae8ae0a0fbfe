import 'server-only';
import type { Prisma } from '../db/generated/client';
import { giveBackSpentCredit } from '../billing/customer-balance';
import { recordEvent } from '../webhooks/record-event';
import { INVOICE_INCLUDE, serializeInvoice } from './invoice-resource';

/**
 * Voids an invoice whose row the caller holds, with its event: issued by mistake, or for a charge
 * that is no longer owed. Its payments, declined ones included, stay on record; the customer's
 * credit it spent is theirs again.
 */
export async function voidInvoice(tx: Prisma.TransactionClient, accountId: string, invoiceId: string, at: Date) {
  const invoice = await tx.invoice.update({ where: { id: invoiceId }, data: { status: 'void', voidedAt: at, nextPaymentAttempt: null } });
  await giveBackSpentCredit(tx, invoice, at);
  const voided = serializeInvoice(await tx.invoice.findUniqueOrThrow({ where: { id: invoiceId }, include: INVOICE_INCLUDE }));
  await recordEvent(tx, { accountId, type: 'plugipay.invoice.voided.v1', object: voided });
  return voided;
}
