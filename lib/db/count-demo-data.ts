import 'server-only';
import { getPrisma } from './get-db';

export async function countAccountsAndCustomers(): Promise<{ accounts: number; customers: number }> {
  const prisma = getPrisma();
  const [accounts, customers] = await Promise.all([prisma.account.count(), prisma.customer.count({ where: { deletedAt: null } })]);
  return { accounts, customers };
}
