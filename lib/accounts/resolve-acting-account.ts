import 'server-only';
import { ApiError } from '../api/errors';
import { getPrisma } from '../db/get-db';
import { isId } from '../ids/new-id';

export type TActingAccount = {
  /** The account the request acts for: the key's own, or the merchant named by Plugipay-On-Behalf-Of. */
  accountId: string;
  /** Set when a platform key acts for a merchant it manages. */
  platformAccountId: string | null;
};

export const ON_BEHALF_OF_HEADER = 'Plugipay-On-Behalf-Of';

/**
 * Only a platform account's key may act for a merchant, and only for a merchant that platform
 * manages; any other use of the header is 403, whether or not the named account exists.
 */
export async function resolveActingAccount(keyAccountId: string, onBehalfOf: string | null): Promise<TActingAccount> {
  if (onBehalfOf === null) return { accountId: keyAccountId, platformAccountId: null };
  const forbidden = new ApiError('forbidden', `${ON_BEHALF_OF_HEADER} is not allowed for this key and account.`);
  const target = onBehalfOf.trim();
  if (!isId('account', target)) throw forbidden;
  const managed = await getPrisma().account.findFirst({
    where: { id: target, kind: 'merchant', platformAccountId: keyAccountId, platform: { kind: 'platform' } },
    select: { id: true },
  });
  if (!managed) throw forbidden;
  return { accountId: managed.id, platformAccountId: keyAccountId };
}
