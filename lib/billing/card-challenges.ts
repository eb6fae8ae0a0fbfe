import 'server-only';
import type { TActionScope } from './customer-scope';
import { ApiError } from '../api/errors';
import { recordAudit } from '../audit/record-audit';
import { payInvoice } from '../billing-engine/pay-invoice';
import { customerBillingTime } from '../billing-engine/billing-time';
import type { CardChallenge, CardChallengePurpose } from '../db/generated/client';
import { getPrisma } from '../db/get-db';
import { newId } from '../ids/new-id';
import { settleCardAttempt } from '../payments/card-velocity';
import type { TChallengeOutcome, TOnSession, TPaymentProcessor } from '../payments/payment-processor';
import { storeSavedCard } from './add-payment-method';

/** What the customer's browser does next when their bank wants to see them: go to `url`. */
export type TRequiresAction = { status: 'requires_action'; redirectTo: string };

/**
 * A card action about to ask the processor with the customer present: its id (the return URL
 * names it) and what the bank's page needs to say, made before the processor is asked.
 */
export async function prepareChallenge(accountId: string): Promise<{ id: string; onSession: TOnSession }> {
  const id = newId('cardChallenge');
  // Read now, even when no bank asks: the processor is asked inside the invoice's locked transaction,
  // where a query on another connection would wait on it (forever on PGlite's one connection).
  const account = await getPrisma().account.findUniqueOrThrow({ where: { id: accountId }, select: { name: true, checkoutSettings: { select: { displayName: true } } } });
  return { id, onSession: { returnUrl: `/portal/challenge/${id}`, merchantName: account.checkoutSettings?.displayName ?? account.name } };
}

type TChallengeStart = { id: string; portalLoginId: string; purpose: CardChallengePurpose; processorChallengeId: string } & Partial<
  Pick<CardChallenge, 'cardAttemptId' | 'cardholderName' | 'makeDefault' | 'invoiceId' | 'paymentMethodId' | 'amount' | 'currency'>
>;

/** Records a challenge the processor asked for; nothing is saved or charged until it is settled. */
export async function recordChallenge(scope: TActionScope, start: TChallengeStart, url: string): Promise<TRequiresAction> {
  await getPrisma().cardChallenge.create({ data: { ...start, accountId: scope.accountId, customerId: scope.customerId } });
  await recordAudit({ ...scope, action: start.purpose === 'card_setup' ? 'payment_method.add' : 'invoice.pay', outcome: 'refused', reason: 'authentication_required', metadata: { cardChallengeId: start.id } });
  return { status: 'requires_action', redirectTo: url };
}

// Refusals a settled payment can meet, as the codes the portal translates.
function failureCodeOf(error: ApiError): string {
  if (error.message === 'amount_changed' || error.message === 'duplicate_card') return error.message;
  if (error.code === 'invalid_state') return 'invoice_not_open';
  return 'generic';
}

/**
 * The customer is back from their bank: asks the processor how they answered and, if they passed,
 * does what was waiting (saves the card, or charges the invoice the exact amount they confirmed).
 * Coming back without an answer abandons the challenge. Settled once: the first request to claim it
 * does the work, later ones read the outcome. Null when the challenge is not this customer's.
 */
export async function settleChallenge(scope: TActionScope, id: string, processor: TPaymentProcessor, now = new Date()): Promise<CardChallenge | null> {
  const prisma = getPrisma();
  const { accountId, customerId } = scope;
  const challenge = await prisma.cardChallenge.findFirst({ where: { id, accountId, customerId } });
  if (!challenge || challenge.status !== 'pending') return challenge;
  let bank: TChallengeOutcome = await processor.challengeOutcome(challenge.processorChallengeId, now);
  if (bank.status === 'pending') bank = await processor.abandonChallenge(challenge.processorChallengeId);
  const answered = bank.status;
  const claimed = await prisma.cardChallenge.updateMany({ where: { id, accountId, status: 'pending' }, data: { status: answered, settledAt: now } });
  if (claimed.count === 0) return prisma.cardChallenge.findFirst({ where: { id, accountId, customerId } });

  let result: { resultId: string } | { failureCode: string };
  if (bank.status !== 'succeeded') result = { failureCode: `authentication_${bank.status}` };
  else {
    try {
      result = await completeAuthenticated(scope, challenge, bank.card, now);
    } catch (error) {
      if (!(error instanceof ApiError)) {
        // Claimed but not done: recorded as failed, so that no later visit reads it as a success.
        await prisma.cardChallenge.update({ where: { id }, data: { status: 'failed', failureCode: 'generic' } });
        throw error;
      }
      result = { failureCode: failureCodeOf(error) };
    }
  }
  const failed = 'failureCode' in result;
  if (challenge.cardAttemptId) await settleCardAttempt(challenge.cardAttemptId, failed ? 'declined' : 'saved');
  if ('failureCode' in result) {
    await recordAudit({ ...scope, action: challenge.purpose === 'card_setup' ? 'payment_method.add' : 'invoice.pay', outcome: 'failed', reason: result.failureCode, metadata: { cardChallengeId: id } });
  }
  // Passed at the bank but refused here (the card already saved, the invoice paid meanwhile): failed.
  return prisma.cardChallenge.update({ where: { id }, data: { ...result, status: failed && answered === 'succeeded' ? 'failed' : answered } });
}

async function completeAuthenticated(scope: TActionScope, challenge: CardChallenge, card: Extract<TChallengeOutcome, { status: 'succeeded' }>['card'], now: Date) {
  if (challenge.purpose === 'card_setup') {
    if (!card) return { failureCode: 'generic' };
    const saved = await storeSavedCard(scope, card, { name: challenge.cardholderName, makeDefault: challenge.makeDefault }, 'plugipay.payment_method.updated.v1');
    return { resultId: saved.id };
  }
  const { accountId } = scope;
  const outcome = await payInvoice({
    accountId,
    invoiceId: challenge.invoiceId!,
    paymentMethodId: challenge.paymentMethodId!,
    at: await customerBillingTime(getPrisma(), scope, now),
    mode: { authenticatedBy: challenge.processorChallengeId },
    expectedAmount: challenge.amount!,
  });
  await recordAudit({ ...scope, action: 'invoice.pay', outcome: outcome.paid ? 'ok' : 'failed', metadata: { invoiceId: challenge.invoiceId, paymentId: outcome.paymentId, cardChallengeId: challenge.id } });
  return outcome.paid ? { resultId: outcome.paymentId } : { failureCode: outcome.code };
}
