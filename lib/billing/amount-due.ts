/** What is left to pay on an invoice: its total less what has been paid on it. */
export function amountDue(invoice: { total: bigint; amountPaid: bigint }): bigint {
  return invoice.total - invoice.amountPaid;
}
