import type { z } from 'zod';
import type { TApiScope } from '../api-keys/scopes';

export type THttpMethod = 'get' | 'post' | 'patch' | 'delete';

/**
 * One API operation, described once: the route handler validates with its schemas and the OpenAPI
 * document (lib/api/openapi) is built from the same object, so the two cannot drift apart.
 */
export type TOperation<B = unknown, Q = unknown> = {
  method: THttpMethod;
  /** OpenAPI form: /api/v1/customers/{id}. */
  path: string;
  operationId: string;
  tag: string;
  summary: string;
  description?: string;
  scope: TApiScope;
  body?: z.ZodType<B>;
  query?: z.ZodType<Q>;
  response: { status: 200 | 201 | 202; description: string; schema: z.ZodType };
};

export function defineOperation<B = undefined, Q = undefined>(operation: TOperation<B, Q>): TOperation<B, Q> {
  return operation;
}

type TResourceSchemas<C, U, L> = { resource: z.ZodType; /** What retrieve answers, when it differs (a deleted object's stub). */ retrieved?: z.ZodType; list: z.ZodType; create: z.ZodType<C>; update?: z.ZodType<U>; listQuery: z.ZodType<L>; deleted?: z.ZodType };
type TResourceNames = { path: string; tag: string; noun: string; operationNoun: string; notes?: Partial<Record<'create' | 'update' | 'retrieve' | 'del', string>> };

/**
 * The usual operations of a billing object, as Stripe lays them out: create and list on the
 * collection; retrieve, update and delete on one object (update and delete where it has them).
 */
export function resourceOperations<C, U, L>({ path, tag, noun, operationNoun, notes = {} }: TResourceNames, schemas: TResourceSchemas<C, U, L>) {
  const read = 'plugipay:billing:read' as const;
  const write = 'plugipay:billing:write' as const;
  const one = `${path}/{id}`;
  const note = (key: keyof typeof notes) => (notes[key] ? { description: notes[key] } : {});
  return {
    create: defineOperation<C>({
      method: 'post', path, operationId: `create${operationNoun}`, tag, scope: write, body: schemas.create, summary: `Create a ${noun}`, ...note('create'),
      response: { status: 201, description: `The new ${noun}.`, schema: schemas.resource },
    }),
    list: defineOperation<undefined, L>({
      method: 'get', path, operationId: `list${operationNoun}s`, tag, scope: read, query: schemas.listQuery, summary: `List ${noun}s, newest first`,
      response: { status: 200, description: `A page of ${noun}s.`, schema: schemas.list },
    }),
    retrieve: defineOperation({
      method: 'get', path: one, operationId: `retrieve${operationNoun}`, tag, scope: read, summary: `Retrieve a ${noun}`, ...note('retrieve'),
      response: { status: 200, description: `The ${noun}.`, schema: schemas.retrieved ?? schemas.resource },
    }),
    update: defineOperation<U>({
      method: 'patch', path: one, operationId: `update${operationNoun}`, tag, scope: write, body: schemas.update, summary: `Update a ${noun}`, ...note('update'),
      response: { status: 200, description: `The updated ${noun}.`, schema: schemas.resource },
    }),
    del: defineOperation({
      method: 'delete', path: one, operationId: `delete${operationNoun}`, tag, scope: write, summary: `Delete a ${noun}`, ...note('del'),
      response: { status: 200, description: `The deleted ${noun}.`, schema: schemas.deleted ?? schemas.resource },
    }),
  };
}
