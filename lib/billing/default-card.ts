import 'server-only';
import type { PaymentMethod, Prisma, PrismaClient } from '../db/generated/client';
import { getPrisma } from '../db/get-db';
import type { TCustomerScope } from './customer-scope';

/** The customer's default card, if they have one saved. */
export function findDefaultCard({ accountId, customerId }: TCustomerScope, db: PrismaClient | Prisma.TransactionClient = getPrisma()): Promise<PaymentMethod | null> {
  return db.paymentMethod.findFirst({ where: { accountId, customerId, isDefault: true, detachedAt: null } });
}
