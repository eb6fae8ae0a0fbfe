const DAY_MS = 86_400_000;

/** When an invoice issued at `issuedAt` is due: send_invoice gives its days to pay; a charged one has no due date. */
export function dueDate({ collectionMethod, daysUntilDue }: { collectionMethod: 'charge_automatically' | 'send_invoice'; daysUntilDue: number | null }, issuedAt: Date): Date | null {
  return collectionMethod === 'send_invoice' ? new Date(issuedAt.getTime() + (daysUntilDue ?? 0) * DAY_MS) : null;
}
