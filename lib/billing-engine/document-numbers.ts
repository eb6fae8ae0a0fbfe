import 'server-only';
import type { Prisma } from '../db/generated/client';

type TSequence = 'invoice' | 'receipt';

/**
 * The account's next invoice or receipt number. The counter moves in the caller's transaction, and
 * its row lock queues concurrent finalizes on every instance: numbers are gap-free (a rollback
 * gives the number back) and never reused.
 */
export async function takeDocumentNumber(tx: Prisma.TransactionClient, accountId: string, sequence: TSequence): Promise<string> {
  const [row] =
    sequence === 'invoice'
      ? await tx.$queryRaw<{ prefix: string; n: number }[]>`
          UPDATE "Account" SET "nextInvoiceNumber" = "nextInvoiceNumber" + 1 WHERE "id" = ${accountId}
          RETURNING "invoicePrefix" AS "prefix", "nextInvoiceNumber" - 1 AS "n"`
      : await tx.$queryRaw<{ prefix: string; n: number }[]>`
          UPDATE "Account" SET "nextReceiptNumber" = "nextReceiptNumber" + 1 WHERE "id" = ${accountId}
          RETURNING "invoicePrefix" AS "prefix", "nextReceiptNumber" - 1 AS "n"`;
  if (!row) throw new Error(`account ${accountId} is gone`);
  const n = String(row.n).padStart(4, '0');
  return sequence === 'invoice' ? `${row.prefix}-${n}` : `${row.prefix}-R${n}`;
}
