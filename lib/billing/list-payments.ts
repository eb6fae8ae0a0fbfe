import 'server-only';
import type { TCustomerScope } from './customer-scope';
import { getPrisma } from '../db/get-db';
import { PAGE_SIZE, toPage } from './keyset-page';

/** One page of a customer's payments (receipts), newest first, by keyset on (createdAt, id). */
export async function listPayments({ accountId, customerId }: TCustomerScope, cursor?: string, size = PAGE_SIZE) {
  const prisma = getPrisma();
  const after = cursor ? await prisma.payment.findFirst({ where: { id: cursor, accountId, customerId }, select: { id: true, createdAt: true } }) : null;
  const rows = await prisma.payment.findMany({
    where: {
      accountId,
      customerId,
      ...(after ? { OR: [{ createdAt: { lt: after.createdAt } }, { createdAt: after.createdAt, id: { lt: after.id } }] } : {}),
    },
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    take: size + 1,
    include: { invoice: { select: { id: true, number: true } } },
  });
  return toPage(rows, size);
}
