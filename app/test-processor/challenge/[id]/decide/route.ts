import { getTestBank } from '@/lib/payments/test-bank';

export const dynamic = 'force-dynamic';

type TContext = { params: Promise<{ id: string }> };

// POST /test-processor/challenge/<id>/decide (a form: decision=succeeded|failed): the customer's
// answer to their bank, recorded once, then back to where the challenge came from.
export async function POST(request: Request, context: TContext): Promise<Response> {
  const { id } = await context.params;
  const bank = getTestBank();
  const challenge = bank.find(id);
  if (!challenge) return new Response('No such authentication.', { status: 404 });
  const form = await request.formData().catch(() => undefined);
  const decision = form?.get('decision');
  if (decision !== 'succeeded' && decision !== 'failed') return new Response('decision must be succeeded or failed.', { status: 400 });
  bank.decide(id, decision, new Date());
  return new Response(null, { status: 303, headers: { Location: challenge.returnUrl, 'Cache-Control': 'no-store' } });
}
