import 'server-only';
import { createHmac } from 'node:crypto';
import { cardBrand } from './card-number';
import type { TChargeRequest, TChargeResult, TPaymentProcessor, TProcessorDecline } from './payment-processor';
import { createChallengeStore } from './test-processor-challenges';
import { createChargeLedger } from './test-processor-ledger';


/**
 * The built-in test processor (docs/test-cards.md). These numbers fail as named; every other valid
 * number succeeds. 4242 4242 4242 4242 is the usual success; 4000 0000 0000 0002 is declined.
 */
export const TEST_CARD_OUTCOMES: Record<string, TProcessorDecline> = {
  '4000000000000002': 'card_declined',
  '4000000000009995': 'insufficient_funds',
  '4000000000000069': 'expired_card',
  '4000000000000127': 'incorrect_cvc',
  '4000000000000119': 'processing_error',
};

/** Saved without complaint, then every charge to it is declined (docs/test-cards.md). */
export const CHARGES_FAIL_CARD = '4000000000000341';

/** Its bank asks the customer to confirm (3-D Secure) every time it is saved or charged with them present; charged without them, it is declined. */
export const THREE_D_SECURE_CARD = '4000002760003184';

const CHALLENGE_PAGE = '/test-processor/challenge';

export function createTestProcessor(fingerprintKey: Buffer, dataDir: string): TPaymentProcessor {
  const ledger = createChargeLedger(dataDir);
  const challenges = createChallengeStore(dataDir);
  // A keyed hash: the same card gives the same fingerprint, and the number cannot be recovered.
  const fingerprintOf = (number: string) => createHmac('sha256', fingerprintKey).update(`card-fingerprint:${number}`).digest('base64url').slice(0, 24);
  const failing = fingerprintOf(CHARGES_FAIL_CARD);
  const demandsChallenge = fingerprintOf(THREE_D_SECURE_CARD);
  const challengeOf = (stored: { id: string }) => ({ id: stored.id, url: `${CHALLENGE_PAGE}/${stored.id}` });

  // A charge to the 3-D Secure card goes through only on a challenge passed for it, for this
  // amount, and not yet spent on another charge.
  const authenticated = (request: TChargeRequest, now: Date): boolean => {
    const id = request.authenticatedBy;
    const challenge = id ? challenges.find(id) : undefined;
    if (!id || !challenge || challenge.kind !== 'payment' || challenges.outcome(id, now).status !== 'succeeded') return false;
    if (challenge.card.fingerprint !== request.card.fingerprint || challenge.amount !== String(request.amount) || challenge.currency !== request.currency) return false;
    return challenges.spend(id, request.idempotencyKey);
  };

  return {
    async charge(request) {
      const now = new Date();
      if (request.card.fingerprint === demandsChallenge && !request.authenticatedBy && request.onSession) {
        const { returnUrl, merchantName } = request.onSession;
        const card = { fingerprint: request.card.fingerprint, brand: 'visa', last4: THREE_D_SECURE_CARD.slice(-4) } as const;
        const stored = challenges.create({ kind: 'payment', card, amount: String(request.amount), currency: request.currency, merchantName, returnUrl }, now);
        return { ok: 'challenge', challenge: challengeOf(stored) };
      }
      const result = ledger.answer(request, now, (): TChargeResult => {
        if (request.card.fingerprint === failing) return { ok: false, code: 'card_declined' };
        if (request.card.fingerprint === demandsChallenge && !authenticated(request, now)) return { ok: false, code: 'authentication_required' };
        return { ok: true };
      });
      // Tests only: the process dies after the processor has charged and before we record it.
      if (process.env.PLUGIPAY_TEST_PROCESSOR_FAILPOINT === 'exit-after-charge') process.exit(70);
      return result;
    },
    async saveCard({ number, expMonth, expYear }, onSession) {
      const outcome = TEST_CARD_OUTCOMES[number];
      if (outcome) return { ok: false, code: outcome };
      const card = { brand: cardBrand(number) ?? 'visa', last4: number.slice(-4), expMonth, expYear, fingerprint: fingerprintOf(number) };
      // Without the customer (a token the merchant attaches), the bank checked them when the token was made.
      if (number === THREE_D_SECURE_CARD && onSession) {
        return { ok: 'challenge', challenge: challengeOf(challenges.create({ kind: 'setup', card, ...onSession }, new Date())) };
      }
      return { ok: true, card };
    },
    async challengeOutcome(id, now) {
      return challenges.outcome(id, now);
    },
    async abandonChallenge(id) {
      return challenges.decide(id, 'abandoned', new Date());
    },
  };
}
