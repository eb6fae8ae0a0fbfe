import 'server-only';
import type { TActionScope } from './customer-scope';
import { ApiError } from '../api/errors';
import { recordAudit } from '../audit/record-audit';
import { getPrisma } from '../db/get-db';
import { recordEvent } from '../webhooks/record-event';
import { makeDefaultInTx } from './add-payment-method';
import { serializePaymentMethod } from './serialize-payment-method';


export async function setDefaultPaymentMethod(scope: TActionScope, paymentMethodId: string) {
  const { accountId, customerId } = scope;
  return getPrisma().$transaction(async (tx) => {
    const card = await tx.paymentMethod.findFirst({ where: { id: paymentMethodId, accountId, customerId, detachedAt: null } });
    if (!card) throw new ApiError('not_found', 'No such payment method.');
    if (card.isDefault) return card;
    await makeDefaultInTx(tx, scope, card.id);
    const saved = await tx.paymentMethod.findUniqueOrThrow({ where: { id: card.id } });
    await recordEvent(tx, { accountId, type: 'plugipay.payment_method.updated.v1', object: serializePaymentMethod(saved) });
    await recordAudit({ ...scope, action: 'payment_method.set_default', metadata: { paymentMethodId: card.id } }, tx);
    return saved;
  });
}
