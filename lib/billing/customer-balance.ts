import 'server-only';
import type { Prisma } from '../db/generated/client';
import { applyBalance } from './amount-due';

type TBalanceOf = { accountId: string; customerId: string; currency: string };

/**
 * Settles an invoice being finalized against its customer's balance in its currency, under the
 * balance's row lock: the credit pays what it can, a negative total becomes credit. Answers the
 * balance before and after and what is left to pay. `known`: the customer's balances as this
 * transaction already read them; without one in this currency there is nothing to spend, and a
 * credit made meanwhile by another invoice is spent by the next one.
 */
export async function settleBalance(tx: Prisma.TransactionClient, { accountId, customerId, currency }: TBalanceOf, total: bigint, at: Date, known?: readonly { currency: string }[]) {
  if (total >= 0n && known && !known.some((b) => b.currency === currency)) return applyBalance(total, 0n);
  if (total < 0n) {
    // Credit only ever adds to credit: the balance before is the one after, less this invoice's.
    const after = await addCredit(tx, { accountId, customerId, currency }, total, at);
    return applyBalance(total, after - total);
  }
  const [held] = await tx.$queryRaw<{ balance: bigint }[]>`
    SELECT "balance" FROM "CustomerBalance" WHERE "accountId" = ${accountId} AND "customerId" = ${customerId} AND "currency" = ${currency} FOR UPDATE`;
  const settled = applyBalance(total, held?.balance ?? 0n);
  if (held && settled.endingBalance !== held.balance) {
    await tx.customerBalance.update({ where: { customerId_currency: { customerId, currency } }, data: { balance: settled.endingBalance, updatedAt: at } });
  }
  return settled;
}

/** A voided invoice gives its customer back the credit it spent. */
export async function giveBackSpentCredit(tx: Prisma.TransactionClient, invoice: TBalanceOf & { startingBalance: bigint; endingBalance: bigint }, at: Date): Promise<void> {
  const spent = invoice.endingBalance - invoice.startingBalance;
  if (spent > 0n) await addCredit(tx, invoice, -spent, at);
}

/** Adds a credit (a negative amount) to the customer's balance in a currency; answers the balance after. */
async function addCredit(tx: Prisma.TransactionClient, { accountId, customerId, currency }: TBalanceOf, credit: bigint, at: Date): Promise<bigint> {
  const [row] = await tx.$queryRaw<{ balance: bigint }[]>`
    INSERT INTO "CustomerBalance" ("accountId", "customerId", "currency", "balance", "updatedAt") VALUES (${accountId}, ${customerId}, ${currency}, ${credit}, ${at})
    ON CONFLICT ("customerId", "currency") DO UPDATE SET "balance" = "CustomerBalance"."balance" + EXCLUDED."balance", "updatedAt" = EXCLUDED."updatedAt"
    RETURNING "balance"`;
  return row!.balance;
}
