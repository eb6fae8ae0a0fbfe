import type { TCardBrand } from './card-number';

export type TCardDetails = { number: string; expMonth: number; expYear: number; cvc: string; name?: string };

export type TSavedCard = { brand: TCardBrand; last4: string; expMonth: number; expYear: number; fingerprint: string };

export type TProcessorDecline = 'card_declined' | 'insufficient_funds' | 'expired_card' | 'incorrect_cvc' | 'processing_error';

export type TProcessorResult = { ok: true; card: TSavedCard } | { ok: false; code: TProcessorDecline };

/**
 * Where card data goes. The portal hands the number and CVC to the processor and keeps only what
 * comes back (brand, last four, expiry, fingerprint); nothing else is stored, logged or echoed.
 */
export type TPaymentProcessor = {
  saveCard(details: TCardDetails): Promise<TProcessorResult>;
  /** Charges a saved card (known by its fingerprint) an amount in minor units. */
  charge(request: TChargeRequest): Promise<TChargeResult>;
};

export type TChargeRequest = {
  card: { fingerprint: string };
  amount: bigint;
  currency: string;
  /** What the charge is for (an invoice id), for the processor's records. */
  reference: string;
  /** The same key twice is one charge: the processor answers the second with the first's outcome. */
  idempotencyKey: string;
};

export type TChargeResult = { ok: true } | { ok: false; code: TProcessorDecline };
