import { cookies } from 'next/headers';
import { actionScope } from '@/lib/billing/customer-scope';
import { settleChallenge } from '@/lib/billing/card-challenges';
import { getConfig } from '@/lib/config/get-config';
import type { CardChallenge } from '@/lib/db/generated/client';
import { isId } from '@/lib/ids/new-id';
import { getPaymentProcessor } from '@/lib/payments/get-payment-processor';
import { completeFlow } from '@/lib/portal-login/complete-flow';
import { findPortalLogin, type TPortalLogin } from '@/lib/portal-login/find-portal-login';
import { isRouteWithinFlow } from '@/lib/portal-login/flow-scope';
import { portalCookieSpec } from '@/lib/portal-login/portal-cookie';

export const dynamic = 'force-dynamic';

type TContext = { params: Promise<{ id: string }> };

const redirect = (to: string, headers = new Headers()) => {
  headers.set('Location', to);
  headers.set('Cache-Control', 'no-store');
  return new Response(null, { status: 303, headers });
};

// Where the customer reads how it went: the page they started from, told by `authentication`.
function pageOf(login: TPortalLogin, challenge: CardChallenge): string {
  const { flowType } = login.session;
  if (flowType === 'invoice_payment') return '/portal/flow/pay';
  if (flowType === 'payment_method_update') return '/portal/flow/payment-method';
  // A card saved to pay an invoice leads back to that invoice, the new card chosen to pay it.
  if (challenge.purpose === 'card_setup' && !challenge.invoiceId) return '/portal/payment-method';
  return `/portal/invoices/${challenge.invoiceId}`;
}

// GET /portal/challenge/<cch_id>: where the card's bank sends the customer back (3-D Secure). It
// settles the challenge (saves the card or charges the invoice if they passed) and leads on: a
// flow whose task this was completes, every other outcome is told on the page they came from.
export async function GET(request: Request, context: TContext): Promise<Response> {
  const { id } = await context.params;
  const login = await findPortalLogin((await cookies()).get(portalCookieSpec(getConfig().portalBaseUrl).name)?.value);
  // No live login (or one made for another task): the portal's home says what there is to say.
  if (!login || !isId('cardChallenge', id) || !isRouteWithinFlow(login, 'GET', new URL(request.url).pathname)) return redirect('/portal');
  const challenge = await settleChallenge(actionScope(login, request), id, getPaymentProcessor());
  if (!challenge) return redirect('/portal');
  const done = challenge.status === 'succeeded';
  const flowTask = login.session.flowType === (challenge.purpose === 'card_setup' ? 'payment_method_update' : 'invoice_payment');
  if (done && flowTask && !login.flowCompletedAt) {
    const next = await completeFlow(login, request.headers);
    return redirect(next.redirectTo, next.headers);
  }
  const outcome = done ? (challenge.purpose === 'card_setup' ? 'card_saved' : 'invoice_paid') : (challenge.failureCode ?? 'generic');
  const payWith = done && challenge.purpose === 'card_setup' && challenge.invoiceId ? `&payWith=${challenge.resultId}` : '';
  return redirect(`${pageOf(login, challenge)}?authentication=${outcome}${payWith}`);
}
