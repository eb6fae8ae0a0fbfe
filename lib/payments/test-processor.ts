import 'server-only';
import { createHmac } from 'node:crypto';
import { cardBrand } from './card-number';
import type { TPaymentProcessor, TProcessorDecline } from './payment-processor';
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

export function createTestProcessor(fingerprintKey: Buffer, dataDir: string): TPaymentProcessor {
  const ledger = createChargeLedger(dataDir);
  // A keyed hash: the same card gives the same fingerprint, and the number cannot be recovered.
  const fingerprintOf = (number: string) => createHmac('sha256', fingerprintKey).update(`card-fingerprint:${number}`).digest('base64url').slice(0, 24);
  const failing = fingerprintOf(CHARGES_FAIL_CARD);
  return {
    async charge(request) {
      const result = ledger.answer(request, () => (request.card.fingerprint === failing ? { ok: false, code: 'card_declined' } : { ok: true }));
      // Tests only: the process dies after the processor has charged and before we record it.
      if (process.env.PLUGIPAY_TEST_PROCESSOR_FAILPOINT === 'exit-after-charge') process.exit(70);
      return result;
    },
    async saveCard({ number, expMonth, expYear }) {
      const outcome = TEST_CARD_OUTCOMES[number];
      if (outcome) return { ok: false, code: outcome };
      return {
        ok: true,
        card: {
          brand: cardBrand(number) ?? 'visa',
          last4: number.slice(-4),
          expMonth,
          expYear,
          fingerprint: fingerprintOf(number),
        },
      };
    },
  };
}
