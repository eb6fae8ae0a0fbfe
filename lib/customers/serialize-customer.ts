import type { Customer } from '../db/generated/client';
import { readMetadata } from '../api/api-schemas';
import { readPostalAddress } from '../billing/postal-address';
import { readTaxIds } from '../billing/tax-ids';
import type { TCustomerResource } from './customer-schemas';

export function serializeCustomer(c: Customer): TCustomerResource {
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
    metadata: readMetadata(c.metadata),
    createdAt: c.createdAt.toISOString(),
  };
}
