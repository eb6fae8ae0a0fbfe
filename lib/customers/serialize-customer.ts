import type { Customer } from '../db/generated/client';
import { readMetadata } from '../api/api-schemas';
import { readPostalAddress } from '../billing/postal-address';
import { readTaxIds } from '../billing/tax-ids';
import type { TCustomerResource } from './customer-schemas';

/** What a customer is read with to be shown: its credit in each currency. */
export const CUSTOMER_INCLUDE = { balances: { select: { currency: true, balance: true } } } as const;

export function serializeCustomer(c: Customer & { balances: { currency: string; balance: bigint }[] }): TCustomerResource {
  return {
    id: c.id,
    object: 'customer',
    email: c.email,
    name: c.name,
    phone: c.phone,
    address: readPostalAddress(c.address),
    taxIds: readTaxIds(c.taxIds),
    preferredLocales: c.preferredLocales,
    testClock: c.testClockId,
    balances: Object.fromEntries(c.balances.filter((b) => b.balance !== 0n).map((b) => [b.currency, Number(b.balance)])),
    metadata: readMetadata(c.metadata),
    createdAt: c.createdAt.toISOString(),
  };
}
