import 'server-only';
import { recordAudit } from '../audit/record-audit';
import { getPrisma } from '../db/get-db';
import type { TPortalLogin } from './find-portal-login';

/** Ends a login on the server ("Done", or a finished flow); its cookie opens nothing afterwards. */
export async function endPortalLogin(login: TPortalLogin, reason: 'done' | 'flow_completed', headers: Headers): Promise<void> {
  await getPrisma().$transaction(async (tx) => {
    await tx.portalLogin.updateMany({ where: { id: login.id, endedAt: null }, data: { endedAt: new Date(), endReason: reason } });
    await recordAudit(
      { action: 'portal_login.end', reason, accountId: login.accountId, customerId: login.customerId, portalSessionId: login.session.id, headers },
      tx,
    );
  });
}
