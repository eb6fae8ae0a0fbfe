import type { TCardBrand } from './card-number';

export type TCardDetails = { number: string; expMonth: number; expYear: number; cvc: string; name?: string };

export type TSavedCard = { brand: TCardBrand; last4: string; expMonth: number; expYear: number; fingerprint: string };

export type TProcessorDecline = 'card_declined' | 'insufficient_funds' | 'expired_card' | 'incorrect_cvc' | 'processing_error' | 'authentication_required';

/**
 * The card's bank wants the customer to confirm (3-D Secure): they go to `url`, decide there, and
 * come back to the return URL given with the request. Nothing is saved or charged until then.
 */
export type TChallenge = { id: string; url: string };

export type TProcessorResult = { ok: true; card: TSavedCard } | { ok: false; code: TProcessorDecline } | { ok: 'challenge'; challenge: TChallenge };

/** With the customer present: the return URL the bank's challenge leads back to. */
export type TOnSession = { returnUrl: string; merchantName: string };

/**
 * Where card data goes. The portal hands the number and CVC to the processor and keeps only what
 * comes back (brand, last four, expiry, fingerprint); nothing else is stored, logged or echoed.
 */
export type TPaymentProcessor = {
  /** Saves a card; with `onSession`, a card whose bank asks for it answers with a challenge instead. */
  saveCard(details: TCardDetails, onSession?: TOnSession): Promise<TProcessorResult>;
  /** Charges a saved card (known by its fingerprint) an amount in minor units. */
  charge(request: TChargeRequest): Promise<TChargeResult>;
  /** How the customer answered a challenge; once known, it never changes. */
  challengeOutcome(id: string, now: Date): Promise<TChallengeOutcome>;
  /** The customer came back without deciding: the challenge is over unless they decided meanwhile. */
  abandonChallenge(id: string): Promise<TChallengeOutcome>;
};

export type TChallengeOutcome =
  | { status: 'pending' | 'failed' | 'abandoned' | 'expired' }
  // For a card being saved, the card the bank confirmed.
  | { status: 'succeeded'; card?: TSavedCard };

export type TChargeRequest = {
  card: { fingerprint: string };
  amount: bigint;
  currency: string;
  /** What the charge is for (an invoice id), for the processor's records. */
  reference: string;
  /** The same key twice is one charge: the processor answers the second with the first's outcome. */
  idempotencyKey: string;
  /** The customer is here to confirm if the bank asks; without it, such a charge is declined (authentication_required). */
  onSession?: TOnSession;
  /** A challenge the customer passed for exactly this card, amount and currency. */
  authenticatedBy?: string;
};

export type TChargeResult = { ok: true } | { ok: false; code: TProcessorDecline } | { ok: 'challenge'; challenge: TChallenge };
