import { actionScope } from '@/lib/billing/customer-scope';
import { updateOwnDetails, ZOwnDetailsUpdate } from '@/lib/billing/update-own-details';
import { withPortalLogin } from '@/lib/portal-login/with-portal-login';
import { assertFeature } from '@/lib/portal/assert-feature';

export const dynamic = 'force-dynamic';

// POST /portal/api/customer: change the billing details the account lets the customer change
export const POST = withPortalLogin({ body: ZOwnDetailsUpdate }, async ({ login, body, request }) => {
  const features = await assertFeature(login.accountId, 'customerUpdate');
  const customer = await updateOwnDetails(actionScope(login, request), body, features.customerAllowedUpdates);
  return Response.json({ customer: { name: customer.name, email: customer.email, phone: customer.phone, address: customer.address, taxIds: customer.taxIds } });
});
