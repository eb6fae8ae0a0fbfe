import { z } from 'zod';
import { ZTaxRateIds } from '../catalog/tax-rate-schemas';
import { ZMetadata, zIdOf, zList, zListQuery } from '../api/api-schemas';
import { ZSubscription } from './subscription-resource';

const ZItemInput = z.strictObject({
  price: zIdOf('price', 'price'),
  quantity: z.number().int().min(1).max(100_000).optional().meta({ description: 'Defaults to 1.' }),
});

export const ZSubscriptionCreate = z
  .strictObject({
    customer: zIdOf('customer', 'customer'),
    items: z.array(ZItemInput).min(1).max(20),
    defaultPaymentMethod: zIdOf('paymentMethod', 'payment method').optional().meta({ description: 'Defaults to the customer’s default card.' }),
    defaultTaxRates: ZTaxRateIds.optional(),
    coupon: zIdOf('coupon', 'coupon').optional(),
    trialPeriodDays: z.number().int().min(1).max(730).optional(),
    collectionMethod: z.enum(['charge_automatically', 'send_invoice']).optional().meta({ description: 'Defaults to charge_automatically.' }),
    daysUntilDue: z.number().int().min(0).max(365).optional().meta({ description: 'With send_invoice (required there): days the customer has to pay each invoice.' }),
    cancelAtPeriodEnd: z.boolean().optional(),
    metadata: ZMetadata.optional(),
  })
  .superRefine((s, ctx) => {
    const issue = (path: string, message: string) => ctx.addIssue({ code: 'custom', path: [path], message, input: s });
    if (s.collectionMethod === 'send_invoice' && s.daysUntilDue === undefined) issue('daysUntilDue', 'is required with collectionMethod send_invoice');
    if (s.collectionMethod !== 'send_invoice' && s.daysUntilDue !== undefined) issue('daysUntilDue', 'goes only with collectionMethod send_invoice');
  })
  .meta({ id: 'SubscriptionCreate' });

/** Changes to a subscription's items: `{id, quantity}` or `{id, price}` changes one, `{id, deleted: true}` removes it, `{price, quantity}` adds one. */
export const ZItemChanges = z
  .array(z.strictObject({ id: zIdOf('subscriptionItem', 'subscription item').optional(), price: zIdOf('price', 'price').optional(), quantity: z.number().int().min(1).max(100_000).optional(), deleted: z.literal(true).optional() }))
  .min(1)
  .max(20);

export const ZSubscriptionUpdate = z
  .strictObject({
    items: ZItemChanges.optional().meta({ description: 'Changes to the items: `{id, quantity}` or `{id, price}` changes one, `{id, deleted: true}` removes it, `{price, quantity}` adds one.' }),
    prorationBehavior: z.enum(['create_prorations', 'none', 'always_invoice']).optional().meta({ description: 'How an item change is billed; defaults to create_prorations.' }),
    prorationDate: z.number().int().optional().meta({ description: 'Unix seconds, within the current period and not in the future: the moment an item change is prorated from (default: now). Pass the one a preview (GET /api/v1/invoices/upcoming) used to be billed exactly what it showed.' }),
    paymentBehavior: z
      .enum(['allow_incomplete', 'error_if_incomplete'])
      .optional()
      .meta({
        description:
          'What a declined charge for an item change billed now does: allow_incomplete (the default) keeps the change with its invoice open and retried; error_if_incomplete answers 400 and changes nothing (the invoice is voided, the declined payment stays on record). Only with items, prorationBehavior and prorationDate.',
      }),
    cancelAtPeriodEnd: z.boolean().optional(),
    pauseCollection: z
      .strictObject({
        behavior: z.enum(['keep_as_draft', 'mark_uncollectible', 'void']),
        resumesAt: z.iso.datetime({ offset: true }).optional().meta({ description: 'When collection resumes by itself; without it, when resumed (POST …/resume or pauseCollection: null).' }),
      })
      .nullable()
      .optional()
      .meta({ description: 'Pause collection: renewals go on, but their invoices are kept as drafts, marked uncollectible or voided instead of charged. null resumes.' }),
    defaultPaymentMethod: zIdOf('paymentMethod', 'payment method').nullable().optional(),
    defaultTaxRates: ZTaxRateIds.optional(),
    coupon: zIdOf('coupon', 'coupon').nullable().optional(),
    metadata: ZMetadata.nullable().optional(),
  })
  .meta({ id: 'SubscriptionUpdate' });

export const ZSubscriptionListQuery = zListQuery('subscription', 'subscription', {
  customer: zIdOf('customer', 'customer').optional(),
  status: z.enum(['trialing', 'active', 'past_due', 'unpaid', 'incomplete', 'incomplete_expired', 'paused', 'canceled', 'all']).optional().meta({ description: 'Without it, every status but the ended ones (canceled, incomplete_expired).' }),
  price: zIdOf('price', 'price').optional(),
});

export const ZSubscriptionList = zList(ZSubscription, 'SubscriptionList');
