import 'server-only';
import type { TCustomerScope } from './customer-scope';
import { getPrisma } from '../db/get-db';
import { PAGE_SIZE, toPage } from './keyset-page';

/**
 * One page of a customer's invoices, newest first, by keyset on (issuedAt, id): the index serves
 * every page in the same time, however long the history.
 */
export async function listInvoices({ accountId, customerId }: TCustomerScope, cursor?: string, size = PAGE_SIZE) {
  const prisma = getPrisma();
  const after = cursor ? await prisma.invoice.findFirst({ where: { id: cursor, accountId, customerId }, select: { id: true, issuedAt: true } }) : null;
  const rows = await prisma.invoice.findMany({
    where: {
      accountId,
      customerId,
      status: { not: 'draft' },
      ...(after ? { OR: [{ issuedAt: { lt: after.issuedAt } }, { issuedAt: after.issuedAt, id: { lt: after.id } }] } : {}),
    },
    orderBy: [{ issuedAt: 'desc' }, { id: 'desc' }],
    take: size + 1,
  });
  return toPage(rows, size);
}
