import { defineOperation } from '../api/operation';
import { ZSubscription } from './subscription-resource';
import { ZSubscriptionCreate, ZSubscriptionList, ZSubscriptionListQuery, ZSubscriptionUpdate } from './subscription-schemas';

const tag = 'Subscriptions';
const read = 'plugipay:billing:read' as const;
const write = 'plugipay:billing:write' as const;

export const SUBSCRIPTION_OPERATIONS = {
  create: defineOperation({
    method: 'post', path: '/api/v1/subscriptions', operationId: 'createSubscription', tag, scope: write, body: ZSubscriptionCreate,
    summary: 'Subscribe a customer',
    description: 'The first period starts now (or the trial does). Its invoice is issued at once and charged to the card (charge_automatically) or left open with a due date (send_invoice). A declined first charge answers 201 with status `incomplete` and the invoice open.',
    response: { status: 201, description: 'The new subscription.', schema: ZSubscription },
  }),
  list: defineOperation({
    method: 'get', path: '/api/v1/subscriptions', operationId: 'listSubscriptions', tag, scope: read, query: ZSubscriptionListQuery,
    summary: 'List subscriptions, newest first', response: { status: 200, description: 'A page of subscriptions.', schema: ZSubscriptionList },
  }),
  retrieve: defineOperation({
    method: 'get', path: '/api/v1/subscriptions/{id}', operationId: 'retrieveSubscription', tag, scope: read,
    summary: 'Retrieve a subscription', response: { status: 200, description: 'The subscription.', schema: ZSubscription },
  }),
  update: defineOperation({
    method: 'patch', path: '/api/v1/subscriptions/{id}', operationId: 'updateSubscription', tag, scope: write, body: ZSubscriptionUpdate,
    summary: 'Update a subscription',
    description: 'An item change mid-period is prorated to the second: `prorationBehavior: create_prorations` (the default) credits the unused time of what goes and charges the time left on what comes, on the next invoice; `always_invoice` invoices and charges that now (a net credit waits for the next invoice); `none` charges the new items from the next renewal only. A trial prorates nothing. `cancelAtPeriodEnd`, the card, tax rates, coupon and metadata change at once.',
    response: { status: 200, description: 'The updated subscription.', schema: ZSubscription },
  }),
  cancel: defineOperation({
    method: 'delete', path: '/api/v1/subscriptions/{id}', operationId: 'cancelSubscription', tag, scope: write,
    summary: 'Cancel a subscription now', description: 'It ends at once; the time already paid for is not refunded. An ended subscription answers 409 invalid_state.',
    response: { status: 200, description: 'The ended subscription.', schema: ZSubscription },
  }),
  resume: defineOperation({
    method: 'post', path: '/api/v1/subscriptions/{id}/resume', operationId: 'resumeSubscription', tag, scope: write,
    summary: 'Resume a paused subscription, or undo a cancellation scheduled for the period’s end', description: 'A paused subscription is collected again from its next renewal; otherwise a cancellation set for the period’s end is undone. An ended subscription, or one neither paused nor set to cancel, answers 409 invalid_state.',
    response: { status: 200, description: 'The subscription, renewing again.', schema: ZSubscription },
  }),
};
