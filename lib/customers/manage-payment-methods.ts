import 'server-only';
import type { z } from 'zod';
import { ApiError } from '../api/errors';
import { listOf, pageArgs } from '../api/list-page';
import { storeSavedCard } from '../billing/add-payment-method';
import { setDefaultPaymentMethod } from '../billing/set-default-payment-method';
import { getPrisma } from '../db/get-db';
import { lockCustomer } from '../db/row-locks';
import { isId } from '../ids/new-id';
import { getPaymentProcessor } from '../payments/get-payment-processor';
import { cardOfToken } from '../payments/test-tokens';
import { recordEvent } from '../webhooks/record-event';
import { findCustomerOrThrow } from './manage-customers';
import { serializePaymentMethod, type ZPaymentMethodAttach, type ZPaymentMethodListQuery } from './payment-method-schemas';

/**
 * Attaches the card a processor token stands for. A card the processor refuses is a
 * validation_error on `token` naming the decline, and nothing is stored.
 */
export async function attachPaymentMethod(accountId: string, customerId: string, input: z.infer<typeof ZPaymentMethodAttach>, now = new Date()) {
  const customer = await findCustomerOrThrow(getPrisma(), accountId, customerId);
  const result = await getPaymentProcessor().saveCard(cardOfToken(input.token, now));
  if (!result.ok) throw new ApiError('validation_error', `token: the card was refused (${result.code}); nothing was attached.`, 'token');
  // Asked without the customer, the processor never challenges: its bank checked them when the token was made.
  if (result.ok !== true) throw new Error('the processor challenged a card attached without the customer');
  try {
    const saved = await storeSavedCard({ accountId, customerId: customer.id }, result.card, { name: input.billingDetails?.name ?? null, makeDefault: input.makeDefault ?? false }, 'plugipay.payment_method.attached.v1');
    return serializePaymentMethod(saved);
  } catch (error) {
    if (error instanceof ApiError && error.message === 'duplicate_card') {
      throw new ApiError('validation_error', 'token: the customer already has this card (same number and expiry).', 'token');
    }
    throw error;
  }
}

export async function listCustomerPaymentMethods(accountId: string, customerId: string, query: z.infer<typeof ZPaymentMethodListQuery>) {
  const customer = await findCustomerOrThrow(getPrisma(), accountId, customerId);
  const page = pageArgs(query);
  const rows = await getPrisma().paymentMethod.findMany({
    where: { accountId, customerId: customer.id, detachedAt: null, ...page.cursor },
    orderBy: page.orderBy,
    take: page.take,
  });
  return listOf(rows, query, serializePaymentMethod);
}

/**
 * Detaches a card, as Stripe lets a merchant: even the default one. Subscriptions that charged it
 * are left without a default card (the next renewal then asks the customer for one). The row stays
 * for the receipts that name it.
 */
export async function detachPaymentMethod(accountId: string, customerId: string, paymentMethodId: string, now = new Date()) {
  return getPrisma().$transaction(async (tx) => {
    await lockCustomer(tx, { accountId, customerId });
    const customer = await findCustomerOrThrow(tx, accountId, customerId);
    const card = isId('paymentMethod', paymentMethodId)
      ? await tx.paymentMethod.findFirst({ where: { id: paymentMethodId, accountId, customerId: customer.id, detachedAt: null } })
      : null;
    if (!card) throw new ApiError('not_found', `No such payment method: ${paymentMethodId}.`, 'id');
    const detached = await tx.paymentMethod.update({ where: { id: card.id }, data: { detachedAt: now, isDefault: false } });
    await tx.subscription.updateMany({ where: { accountId, customerId: customer.id, defaultPaymentMethodId: card.id }, data: { defaultPaymentMethodId: null } });
    const resource = serializePaymentMethod(detached);
    await recordEvent(tx, { accountId, type: 'plugipay.payment_method.detached.v1', object: resource });
    return resource;
  });
}

export async function makeDefaultPaymentMethod(accountId: string, customerId: string, paymentMethodId: string) {
  const customer = await findCustomerOrThrow(getPrisma(), accountId, customerId);
  if (!isId('paymentMethod', paymentMethodId)) throw new ApiError('not_found', `No such payment method: ${paymentMethodId}.`, 'id');
  return serializePaymentMethod(await setDefaultPaymentMethod({ accountId, customerId: customer.id }, paymentMethodId));
}
