import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applyBalance } from './amount-due';

const LIMIT = 10n ** 12n;
const money = fc.bigInt({ min: -LIMIT, max: LIMIT });
const credit = fc.bigInt({ min: -LIMIT, max: 0n });

describe('applyBalance', () => {
  it('spends credit up to the total, charges the rest, and keeps a negative total as credit: nothing is lost or made', () => {
    fc.assert(
      fc.property(money, credit, (total, startingBalance) => {
        const { endingBalance, amountDue } = applyBalance(total, startingBalance);
        expect(endingBalance <= 0n && amountDue >= 0n).toBe(true);
        // What the customer pays plus the credit they lose is what the invoice is worth.
        expect(amountDue + (endingBalance - startingBalance)).toBe(total);
        // Either the credit is gone or nothing is due: a credit is never kept while the card is charged.
        expect(endingBalance === 0n || amountDue === 0n).toBe(true);
      }),
    );
  });

  it('leaves an invoice without credit as it is', () => {
    expect(applyBalance(1452n, 0n)).toEqual({ startingBalance: 0n, endingBalance: 0n, amountDue: 1452n });
  });
});
