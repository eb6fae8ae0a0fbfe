import 'server-only';
import { isPortalAction, type TCustomerScope } from './customer-scope';
import { ApiError } from '../api/errors';
import { recordAudit } from '../audit/record-audit';
import { getPrisma } from '../db/get-db';
import { recordEvent } from '../webhooks/record-event';
import { makeDefaultInTx } from './add-payment-method';
import { settleWithCard } from '../billing-engine/settle-with-card';
import { serializePaymentMethod } from '../customers/payment-method-schemas';


/** Makes a saved card the customer's default, from the portal (audited) or the API; it pays what is overdue at once. */
export async function setDefaultPaymentMethod(scope: TCustomerScope, paymentMethodId: string) {
  const { accountId, customerId } = scope;
  const saved = await getPrisma().$transaction(async (tx) => {
    const card = await tx.paymentMethod.findFirst({ where: { id: paymentMethodId, accountId, customerId, detachedAt: null } });
    if (!card) throw new ApiError('not_found', `No such payment method: ${paymentMethodId}.`, 'paymentMethod');
    if (card.isDefault) return card;
    await makeDefaultInTx(tx, scope, card.id);
    const saved = await tx.paymentMethod.findUniqueOrThrow({ where: { id: card.id } });
    await recordEvent(tx, { accountId, type: 'plugipay.payment_method.updated.v1', object: serializePaymentMethod(saved) });
    if (isPortalAction(scope)) await recordAudit({ ...scope, action: 'payment_method.set_default', metadata: { paymentMethodId: card.id } }, tx);
    return saved;
  });
  await settleWithCard(scope, saved.id);
  return saved;
}
