import type { TCardDetails } from './payment-processor';

// The test processor's tokens (docs/test-cards.md): what a merchant's server attaches through the
// API, standing for a card the customer gave the processor. The API never takes a card number.
const TOKEN_CARDS = {
  tok_visa: '4242424242424242',
  tok_visa_debit: '4000056655665556',
  tok_mastercard: '5555555555554444',
  tok_amex: '378282246310005',
  // Attached, then every charge to it fails (for dunning).
  tok_chargeCustomerFail: '4000000000000341',
  // Attached (its bank checked the customer when the token was made); charged without the customer
  // present, declined with authentication_required until they confirm a payment in the portal.
  tok_threeDSecureRequired: '4000002760003184',
  // Refused when attached, as named.
  tok_chargeDeclined: '4000000000000002',
  tok_insufficientFunds: '4000000000009995',
  tok_expiredCard: '4000000000000069',
  tok_incorrectCvc: '4000000000000127',
  tok_processingError: '4000000000000119',
} as const;

export type TTestToken = keyof typeof TOKEN_CARDS;
export const TEST_TOKENS = Object.keys(TOKEN_CARDS) as TTestToken[];

/** The card a token stands for, valid for three more years from `now`. */
export function cardOfToken(token: TTestToken, now: Date): TCardDetails {
  const number = TOKEN_CARDS[token];
  return { number, expMonth: 12, expYear: now.getUTCFullYear() + 3, cvc: number.startsWith('37') ? '1234' : '123' };
}
