type TBalanced = { total: bigint; startingBalance?: bigint; endingBalance?: bigint };

/**
 * What is left to pay on an invoice: its total, less the customer's credit it spent (or plus the
 * credit it made, for a negative total), less what has been paid on it.
 */
export function amountDue(invoice: TBalanced & { amountPaid: bigint }): bigint {
  return invoice.total + (invoice.startingBalance ?? 0n) - (invoice.endingBalance ?? 0n) - invoice.amountPaid;
}

/**
 * How a customer's balance in a currency meets an invoice's total, counted as Stripe does (negative:
 * a credit the customer holds): the credit pays what it can and the rest is due; a negative total
 * (credits worth more than the charges) adds to the credit, and nothing is due. The engine settles
 * every invoice with this, and the portal's "Next charge" shows it.
 */
export function applyBalance(total: bigint, startingBalance: bigint) {
  const left = total + startingBalance;
  const endingBalance = left < 0n ? left : 0n;
  return { startingBalance, endingBalance, amountDue: amountDue({ total, startingBalance, endingBalance, amountPaid: 0n }) };
}
