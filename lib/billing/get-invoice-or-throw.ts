import 'server-only';
import type { TCustomerScope } from './customer-scope';
import { ApiError } from '../api/errors';
import { getPrisma } from '../db/get-db';

/** One of this customer's invoices with its lines, their taxes and its payments; anyone else's id is not_found. */
export async function getInvoiceOrThrow({ accountId, customerId }: TCustomerScope, id: string) {
  const invoice = await getPrisma().invoice.findFirst({
    where: { id, accountId, customerId, status: { not: 'draft' } },
    include: {
      lines: { orderBy: { position: 'asc' }, include: { taxes: { include: { taxRate: true } } } },
      payments: { where: { status: { in: ['succeeded', 'refunded'] } }, orderBy: { createdAt: 'asc' } },
    },
  });
  if (!invoice) throw new ApiError('not_found', 'No such invoice.');
  return invoice;
}

export type TInvoiceDetail = Awaited<ReturnType<typeof getInvoiceOrThrow>>;
