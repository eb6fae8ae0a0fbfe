import 'server-only';
import { isPortalAction, type TActionScope, type TCustomerScope } from './customer-scope';
import { ApiError } from '../api/errors';
import { recordAudit } from '../audit/record-audit';
import { getPrisma } from '../db/get-db';
import { LIVE_STATUSES } from '../billing-engine/subscription-standing';
import { lockCustomer } from '../db/row-locks';
import type { PaymentMethod, Prisma } from '../db/generated/client';
import { newId } from '../ids/new-id';
import type { TCardInput } from '../payments/card-input';
import { reserveCardAttempt, settleCardAttempt } from '../payments/card-velocity';
import type { TPaymentProcessor, TProcessorDecline, TSavedCard } from '../payments/payment-processor';
import { recordEvent } from '../webhooks/record-event';
import { serializePaymentMethod } from '../customers/payment-method-schemas';
import { settleWithCard } from '../billing-engine/settle-with-card';
import { prepareChallenge, recordChallenge, type TRequiresAction } from './card-challenges';


/** Makes one of the customer's cards the default, for the customer and their live subscriptions. */
export async function makeDefaultInTx(tx: Prisma.TransactionClient, scope: TCustomerScope, paymentMethodId: string) {
  const { accountId, customerId } = scope;
  await tx.paymentMethod.updateMany({ where: { accountId, customerId, isDefault: true, NOT: { id: paymentMethodId } }, data: { isDefault: false } });
  await tx.paymentMethod.updateMany({ where: { id: paymentMethodId, accountId, customerId, detachedAt: null }, data: { isDefault: true } });
  await tx.subscription.updateMany({ where: { accountId, customerId, status: { in: LIVE_STATUSES } }, data: { defaultPaymentMethodId: paymentMethodId } });
}

// The field a processor's refusal is about, for API clients and the form alike.
const PARAM_OF_DECLINE: Partial<Record<TProcessorDecline, string>> = { incorrect_cvc: 'cvc', expired_card: 'expMonth' };

/**
 * Saves a card through the payment processor. Only what the processor returns is stored; a
 * declined card changes nothing. The customer's first card, or one asked for, becomes the default.
 */
export async function addPaymentMethod(scope: TActionScope & { portalLoginId: string }, card: TCardInput, processor: TPaymentProcessor): Promise<PaymentMethod | TRequiresAction> {
  const attemptId = await reserveCardAttempt(scope, scope.portalLoginId);
  const challenge = await prepareChallenge(scope.accountId);
  let result: Awaited<ReturnType<TPaymentProcessor['saveCard']>>;
  try {
    result = await processor.saveCard({ number: card.number, expMonth: card.expMonth, expYear: card.expYear, cvc: card.cvc, name: card.name }, challenge.onSession);
  } catch (error) {
    await settleCardAttempt(attemptId, 'declined');
    throw error;
  }
  if (result.ok === 'challenge') {
    // The attempt stays open (counted as a possible decline) until the customer is back from their bank.
    const start = { id: challenge.id, portalLoginId: scope.portalLoginId, purpose: 'card_setup', processorChallengeId: result.challenge.id, cardAttemptId: attemptId, cardholderName: card.name || null, makeDefault: card.makeDefault ?? false, invoiceId: card.forInvoice ?? null } as const;
    return recordChallenge(scope, start, result.challenge.url);
  }
  await settleCardAttempt(attemptId, result.ok ? 'saved' : 'declined');
  if (!result.ok) {
    await recordAudit({ ...scope, action: 'payment_method.add', outcome: 'refused', reason: result.code });
    throw new ApiError('validation_error', result.code, PARAM_OF_DECLINE[result.code] ?? 'number');
  }
  return storeSavedCard(scope, result.card, { name: card.name || null, makeDefault: card.makeDefault ?? false }, 'plugipay.payment_method.updated.v1');
}

/**
 * Stores a card the processor accepted, for the portal or the API: refused when the customer already
 * has it (same fingerprint and expiry), the default when asked or when it is the first. Portal
 * changes are audited as the customer's.
 */
export async function storeSavedCard(
  scope: TCustomerScope,
  card: TSavedCard,
  { name, makeDefault }: { name: string | null; makeDefault: boolean },
  eventType: 'plugipay.payment_method.updated.v1' | 'plugipay.payment_method.attached.v1',
) {
  const { accountId, customerId } = scope;
  const stored = await getPrisma().$transaction(async (tx) => {
    // The same card twice would be two rows for one card: refused, whatever its name or default choice.
    // The customer's row lock makes two concurrent saves of one card count one after the other.
    await lockCustomer(tx, { accountId, customerId });
    const same = await tx.paymentMethod.count({
      where: { accountId, customerId, detachedAt: null, fingerprint: card.fingerprint, expMonth: card.expMonth, expYear: card.expYear },
    });
    if (same > 0) throw new ApiError('validation_error', 'duplicate_card', 'number');
    const hasDefault = (await tx.paymentMethod.count({ where: { accountId, customerId, isDefault: true, detachedAt: null } })) > 0;
    const id = newId('paymentMethod');
    await tx.paymentMethod.create({
      data: { id, accountId, customerId, cardBrand: card.brand, cardLast4: card.last4, expMonth: card.expMonth, expYear: card.expYear, fingerprint: card.fingerprint, cardholderName: name },
    });
    if (makeDefault || !hasDefault) await makeDefaultInTx(tx, scope, id);
    const saved = await tx.paymentMethod.findUniqueOrThrow({ where: { id } });
    await recordEvent(tx, { accountId, type: eventType, object: serializePaymentMethod(saved) });
    if (isPortalAction(scope)) {
      await recordAudit({ ...scope, action: 'payment_method.add', metadata: { paymentMethodId: id, brand: saved.cardBrand, last4: saved.cardLast4 } }, tx);
    }
    return saved;
  });
  if (stored.isDefault) await settleWithCard(scope, stored.id);
  return stored;
}
