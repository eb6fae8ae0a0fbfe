import { defineOperation } from '../api/operation';
import { ZPaymentMethod, ZPaymentMethodAttach, ZPaymentMethodList, ZPaymentMethodListQuery } from './payment-method-schemas';

const tag = 'Payment methods';
const collection = '/api/v1/customers/{id}/payment-methods';

export const PAYMENT_METHOD_OPERATIONS = {
  attach: defineOperation({
    method: 'post', path: collection, operationId: 'attachPaymentMethod', tag, scope: 'plugipay:billing:write', body: ZPaymentMethodAttach,
    summary: "Attach a card to a customer from the processor's token",
    description: 'Never a card number. A refused card is a validation_error on `token`; the same card twice is refused too.',
    response: { status: 201, description: 'The attached card.', schema: ZPaymentMethod },
  }),
  list: defineOperation({
    method: 'get', path: collection, operationId: 'listPaymentMethods', tag, scope: 'plugipay:billing:read', query: ZPaymentMethodListQuery,
    summary: "A customer's attached cards, newest first",
    response: { status: 200, description: 'A page of cards.', schema: ZPaymentMethodList },
  }),
  detach: defineOperation({
    method: 'delete', path: `${collection}/{paymentMethodId}`, operationId: 'detachPaymentMethod', tag, scope: 'plugipay:billing:write',
    summary: 'Detach a card', description: 'Even the default one: subscriptions that charged it are left without a default card.',
    response: { status: 200, description: 'The detached card.', schema: ZPaymentMethod },
  }),
  makeDefault: defineOperation({
    method: 'post', path: `${collection}/{paymentMethodId}/default`, operationId: 'setDefaultPaymentMethod', tag, scope: 'plugipay:billing:write',
    summary: "Make a card the customer's default, for its live subscriptions too",
    response: { status: 200, description: 'The default card.', schema: ZPaymentMethod },
  }),
};
