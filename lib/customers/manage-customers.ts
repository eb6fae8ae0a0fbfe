import 'server-only';
import type { z } from 'zod';
import { assertMetadataFits, mergeMetadata } from '../api/api-schemas';
import { definedFields } from '../api/defined-fields';
import { ApiError } from '../api/errors';
import { listOf, pageArgs } from '../api/list-page';
import { normalizePostalAddress } from '../billing/postal-address';
import { serializePaymentMethod } from './payment-method-schemas';
import { LIVE_STATUSES, moveSubscription } from '../billing-engine/subscription-standing';
import { Prisma, type PrismaClient } from '../db/generated/client';
import { getPrisma } from '../db/get-db';
import { inTransaction } from '../db/in-transaction';
import { lockCustomer } from '../db/row-locks';
import { isId, newId } from '../ids/new-id';
import { assertTestClocksAvailable } from '../test-clocks/manage-test-clocks';
import { recordEvent } from '../webhooks/record-event';
import type { ZCustomerCreate, ZCustomerListQuery, ZCustomerUpdate } from './customer-schemas';
import { CUSTOMER_INCLUDE, serializeCustomer } from './serialize-customer';

type TDb = PrismaClient | Prisma.TransactionClient;
const noSuchCustomer = (id: string) => new ApiError('not_found', `No such customer: ${id}.`, 'id');

/** A live customer of the account, or the API's 404 (another account's id is unknown here). */
export async function findCustomerOrThrow(db: TDb, accountId: string, id: string, param = 'id') {
  const customer = isId('customer', id) ? await db.customer.findFirst({ where: { id, accountId, deletedAt: null } }) : null;
  if (!customer) throw new ApiError('not_found', `No such customer: ${id}.`, param);
  return customer;
}

/** Creates a customer and records plugipay.customer.created.v1 with it, in one transaction. */
export async function createCustomer(accountId: string, input: z.infer<typeof ZCustomerCreate>, { tx, externalId, createdAt }: { tx?: Prisma.TransactionClient; externalId?: string; createdAt?: Date } = {}) {
  const write = async (db: Prisma.TransactionClient) => {
    if (input.testClock) {
      assertTestClocksAvailable();
      if (!(await db.testClock.findFirst({ where: { id: input.testClock, accountId }, select: { id: true } }))) throw new ApiError('not_found', `No such test clock: ${input.testClock}.`, 'testClock');
    }
    const customer = await db.customer.create({
      data: {
        id: newId('customer', createdAt?.getTime()),
        accountId,
        email: input.email,
        name: input.name ?? null,
        phone: input.phone ?? null,
        address: input.address ? normalizePostalAddress(input.address) : Prisma.DbNull,
        taxIds: input.taxIds ?? [],
        preferredLocales: input.preferredLocales ?? [],
        metadata: assertMetadataFits(mergeMetadata({}, input.metadata)),
        externalId: externalId ?? null,
        testClockId: input.testClock ?? null,
        ...(createdAt ? { createdAt } : {}),
      },
    });
    const resource = serializeCustomer({ ...customer, balances: [] });
    await recordEvent(db, { accountId, type: 'plugipay.customer.created.v1', object: resource });
    return resource;
  };
  return inTransaction(tx, write);
}

export async function retrieveCustomer(accountId: string, id: string) {
  const customer = isId('customer', id) ? await getPrisma().customer.findFirst({ where: { id, accountId }, include: CUSTOMER_INCLUDE }) : null;
  if (!customer) throw noSuchCustomer(id);
  // As Stripe's: a deleted customer still answers, as a stub that says so.
  if (customer.deletedAt) return { id: customer.id, object: 'customer' as const, deleted: true as const };
  return serializeCustomer(customer);
}

export async function updateCustomer(accountId: string, id: string, patch: z.infer<typeof ZCustomerUpdate>) {
  return getPrisma().$transaction(async (tx) => {
    await lockCustomer(tx, { accountId, customerId: id });
    const current = await findCustomerOrThrow(tx, accountId, id);
    const updated = await tx.customer.update({
      where: { id: current.id },
      data: {
        ...definedFields(patch, ['email', 'name', 'phone', 'taxIds', 'preferredLocales']),
        ...(patch.address !== undefined ? { address: patch.address ? normalizePostalAddress(patch.address) : Prisma.DbNull } : {}),
        ...(patch.metadata !== undefined ? { metadata: assertMetadataFits(mergeMetadata(current.metadata, patch.metadata)) } : {}),
      },
      include: CUSTOMER_INCLUDE,
    });
    const resource = serializeCustomer(updated);
    await recordEvent(tx, { accountId, type: 'plugipay.customer.updated.v1', object: resource });
    return resource;
  });
}

export async function listCustomers(accountId: string, query: z.infer<typeof ZCustomerListQuery>) {
  const page = pageArgs(query);
  const rows = await getPrisma().customer.findMany({
    where: { accountId, deletedAt: null, ...(query.email ? { email: query.email } : {}), ...page.cursor },
    orderBy: page.orderBy,
    take: page.take,
    include: CUSTOMER_INCLUDE,
  });
  return listOf(rows, query, serializeCustomer);
}

/**
 * Deletes a customer as Stripe does, keeping the rows the merchant's books need: its subscriptions
 * end now, its cards are detached, its unopened links and open portal logins stop working, and it
 * leaves every list. One transaction, one event per change.
 */
export async function deleteCustomer(accountId: string, id: string, now = new Date()) {
  return getPrisma().$transaction(async (tx) => {
    await lockCustomer(tx, { accountId, customerId: id });
    const customer = await findCustomerOrThrow(tx, accountId, id);
    const scope = { accountId, customerId: customer.id };

    const live = await tx.subscription.findMany({ where: { ...scope, status: { in: LIVE_STATUSES } }, select: { id: true } });
    for (const { id: subscriptionId } of live) {
      const ended = { status: 'canceled' as const, canceledAt: now, endedAt: now, cancelAtPeriodEnd: false, cancellationReason: 'customer_deleted', defaultPaymentMethodId: null };
      await moveSubscription(tx, { ...scope, subscriptionId }, LIVE_STATUSES, ended);
    }

    const cards = await tx.paymentMethod.findMany({ where: { ...scope, detachedAt: null } });
    await tx.paymentMethod.updateMany({ where: { id: { in: cards.map((c) => c.id) } }, data: { detachedAt: now, isDefault: false } });
    for (const card of cards) {
      await recordEvent(tx, { accountId, type: 'plugipay.payment_method.detached.v1', object: serializePaymentMethod({ ...card, detachedAt: now, isDefault: false }) });
    }

    await tx.portalSession.updateMany({ where: { ...scope, consumedAt: null }, data: { consumedAt: now } });
    await tx.portalLogin.updateMany({ where: { ...scope, endedAt: null }, data: { endedAt: now, endReason: 'customer_deleted' } });
    const deleted = await tx.customer.update({ where: { id: customer.id }, data: { deletedAt: now }, include: CUSTOMER_INCLUDE });
    await recordEvent(tx, { accountId, type: 'plugipay.customer.deleted.v1', object: serializeCustomer(deleted) });
    return { id: customer.id, object: 'customer' as const, deleted: true as const };
  });
}
