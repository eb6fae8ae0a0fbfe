import 'server-only';
import type { z } from 'zod';
import type { TActionScope } from './customer-scope';
import { ApiError } from '../api/errors';
import { recordAudit } from '../audit/record-audit';
import { ZCustomerUpdate } from '../customers/customer-schemas';
import { updateCustomer } from '../customers/manage-customers';
import { CUSTOMER_FIELDS, type TCustomerField } from '../portal/customer-fields';

/** What the portal's billing-details form sends: the API's checks for each field the portal can edit. */
export const ZOwnDetailsUpdate = ZCustomerUpdate.pick({ email: true, name: true, phone: true, address: true, taxIds: true });

/**
 * The customer changes their own billing details, only those the merchant allows (anything else is
 * refused and nothing changes), through the API's update: plugipay.customer.updated.v1, and the
 * invoices issued afterwards carry them.
 */
export async function updateOwnDetails(scope: TActionScope, patch: z.infer<typeof ZOwnDetailsUpdate>, allowed: readonly TCustomerField[]) {
  const changed = CUSTOMER_FIELDS.filter((field) => patch[field] !== undefined);
  const refused = changed.find((field) => !allowed.includes(field));
  if (refused) throw new ApiError('forbidden', `This billing portal does not let you change ${refused}.`, refused);
  const updated = await updateCustomer(scope.accountId, scope.customerId, patch);
  await recordAudit({ ...scope, action: 'customer.update', metadata: { fields: changed } });
  return updated;
}
