import 'server-only';
import type { TCustomerScope } from './customer-scope';
import { getPrisma } from '../db/get-db';
import { RENEWAL_INCLUDE } from './renewal-charge';

/** What the overview shows: the current subscription with its price, the default card, the latest invoice and payment. */
export async function getOverview({ accountId, customerId }: TCustomerScope) {
  const prisma = getPrisma();
  const [subscription, defaultCard, latestInvoice, latestPayment] = await Promise.all([
    prisma.subscription.findFirst({
      where: { accountId, customerId, status: { not: 'canceled' } },
      orderBy: { createdAt: 'desc' },
      include: RENEWAL_INCLUDE,
    }),
    prisma.paymentMethod.findFirst({ where: { accountId, customerId, isDefault: true, detachedAt: null } }),
    prisma.invoice.findFirst({ where: { accountId, customerId, status: { not: 'draft' } }, orderBy: [{ issuedAt: 'desc' }, { id: 'desc' }] }),
    prisma.payment.findFirst({ where: { accountId, customerId }, orderBy: [{ createdAt: 'desc' }, { id: 'desc' }] }),
  ]);
  return { subscription, defaultCard, latestInvoice, latestPayment };
}
