import 'server-only';
import type { TActionScope } from './customer-scope';
import { ApiError } from '../api/errors';
import { recordAudit } from '../audit/record-audit';
import { getPrisma } from '../db/get-db';
import { LIVE_STATUSES } from '../billing-engine/subscription-standing';
import { recordEvent } from '../webhooks/record-event';
import { serializePaymentMethod } from '../customers/payment-method-schemas';


/**
 * Removes a saved card that is not the default. The card stays in the database (detached) for the
 * receipts that name it. The default card (so a subscriber's last card) cannot be removed.
 */
export async function removePaymentMethod(scope: TActionScope, paymentMethodId: string, now = new Date()) {
  const { accountId, customerId } = scope;
  return getPrisma().$transaction(async (tx) => {
    const card = await tx.paymentMethod.findFirst({ where: { id: paymentMethodId, accountId, customerId, detachedAt: null } });
    if (!card) throw new ApiError('not_found', 'No such payment method.');
    const live = await tx.subscription.count({ where: { accountId, customerId, status: { in: LIVE_STATUSES } } });
    const others = await tx.paymentMethod.count({ where: { accountId, customerId, detachedAt: null, NOT: { id: card.id } } });
    if (live > 0 && others === 0) throw new ApiError('validation_error', 'last_card_of_subscriber', 'paymentMethodId');
    if (card.isDefault && others > 0) throw new ApiError('validation_error', 'default_card', 'paymentMethodId');
    const { count } = await tx.paymentMethod.updateMany({ where: { id: card.id, detachedAt: null }, data: { detachedAt: now, isDefault: false } });
    const saved = await tx.paymentMethod.findUniqueOrThrow({ where: { id: card.id } });
    if (count === 1) {
      await tx.subscription.updateMany({ where: { accountId, customerId, defaultPaymentMethodId: card.id }, data: { defaultPaymentMethodId: null } });
      await recordEvent(tx, { accountId, type: 'plugipay.payment_method.updated.v1', object: serializePaymentMethod(saved) });
      await recordAudit({ ...scope, action: 'payment_method.remove', metadata: { paymentMethodId: card.id } }, tx);
    }
    return saved;
  });
}
