import { z } from 'zod';
import { createDocument, type ZodOpenApiOperationObject, type ZodOpenApiPathsObject } from 'zod-openapi';
import { ERROR_STATUS } from '../errors';
import type { TOperation } from '../operation';
import { ALL_OPERATIONS } from './all-operations';

const ZError = z
  .object({
    error: z.object({
      code: z.enum(Object.keys(ERROR_STATUS) as [keyof typeof ERROR_STATUS]),
      message: z.string(),
      param: z.string().optional().meta({ description: 'The field at fault, as a dotted path (address.country, items.0.price).' }),
      requestId: z.string(),
    }),
  })
  .meta({ id: 'Error' });

const errorResponse = (description: string) => ({ description, content: { 'application/json': { schema: ZError } } });

const ERRORS = {
  '400': errorResponse('validation_error: a field is missing or wrong; `param` names it.'),
  '401': errorResponse('unauthorized: the signature is missing, stale or wrong, or the key is revoked.'),
  '403': errorResponse('forbidden: the key lacks the scope, or may not act for that account.'),
  '404': errorResponse('not_found: no such object in this account.'),
  '409': errorResponse('invalid_state or idempotency_conflict.'),
  '429': errorResponse('rate_limited: retry after the Retry-After header.'),
};

const TAG_DESCRIPTIONS: Record<string, string> = {
  'Portal sessions': 'Single-use links that open the portal for one customer.',
  Customers: 'The people and companies the merchant bills.',
  'Payment methods': 'Cards attached to a customer through the processor’s tokens; never a card number.',
  Products: 'What the merchant sells; prices hang from them.',
  Prices: 'An amount in one currency, one-time or recurring; fixed once created.',
  'Tax rates': 'Percentages added to (exclusive) or contained in (inclusive) invoice lines.',
  Coupons: 'Discounts a subscription can carry: a percentage or an amount, once, for some months or forever.',
  Subscriptions: 'A customer’s recurring plan: items (price × quantity), renewing each period.',
  Invoices: 'What a customer owes: lines, discount, taxes per rate, total; numbered from the account’s sequence.',
  'Test clocks': 'Time that moves only when told, for trying a subscription’s months in seconds (outside production).',
  Payments: 'Money taken (or tried) for an invoice, with the card as it was.',
  Settings: 'Branding, legal details and what the portal offers.',
  Webhooks: 'Endpoints that receive signed events, and their deliveries.',
  Events: 'Everything that changed, in order, as webhooks carry it.',
};

const ZOnBehalfOf = z.string().optional().meta({ description: 'A platform key acting for a merchant it manages: that merchant’s account id.' });
const ZIdempotencyKey = z.string().max(255).optional().meta({ description: 'Makes a retried POST safe: the same key and body replay the first answer for 24 hours.' });

function describe(op: TOperation<never, never>): ZodOpenApiOperationObject {
  const pathParams = [...op.path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!);
  return {
    operationId: op.operationId,
    tags: [op.tag],
    summary: op.summary,
    ...(op.description ? { description: op.description } : {}),
    security: [{ signature: [] }],
    'x-required-scope': op.scope,
    requestParams: {
      ...(pathParams.length ? { path: z.object(Object.fromEntries(pathParams.map((p) => [p, z.string()]))) } : {}),
      ...(op.query ? { query: op.query as unknown as z.ZodObject } : {}),
      header: z.object({
        'Plugipay-On-Behalf-Of': ZOnBehalfOf,
        ...(op.method === 'post' ? { 'Idempotency-Key': ZIdempotencyKey } : {}),
      }),
    },
    ...(op.body ? { requestBody: { required: !op.body.safeParse(undefined).success, content: { 'application/json': { schema: op.body } } } } : {}),
    responses: {
      [String(op.response.status)]: { description: op.response.description, content: { 'application/json': { schema: op.response.schema } } },
      ...ERRORS,
    },
  };
}

/** The OpenAPI 3.1 document of the merchant API, built from the schemas the routes validate with. */
export function buildOpenApiDocument() {
  const paths: ZodOpenApiPathsObject = {};
  for (const op of ALL_OPERATIONS) {
    paths[op.path] = { ...paths[op.path], [op.method]: describe(op) };
  }
  return createDocument({
    openapi: '3.1.0',
    info: {
      title: 'Plugipay portal API',
      version: '1',
      description: 'The merchant API of the self-hostable Plugipay billing portal: portal links, the billing objects, settings and webhooks. Every request is signed with the API key (see docs/api.md).',
      license: { name: 'MIT', identifier: 'MIT' },
    },
    // Relative: the document describes the server it is read from, whatever its address.
    servers: [{ url: '/', description: 'This portal' }],
    tags: [...new Set(ALL_OPERATIONS.map((op) => op.tag))].map((name) => ({ name, description: TAG_DESCRIPTIONS[name] ?? name })),
    components: {
      securitySchemes: {
        signature: {
          type: 'apiKey',
          in: 'header',
          name: 'Authorization',
          description: 'Plugipay-HMAC-SHA256 keyId=…, timestamp=…, signature=… over the timestamp, method, path with query and body (docs/api.md).',
        },
      },
    },
    paths,
  });
}
