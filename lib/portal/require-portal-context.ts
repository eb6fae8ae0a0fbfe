import 'server-only';
import { headers } from 'next/headers';
import { redirect, unauthorized } from 'next/navigation';
import { flowRedirect, PORTAL_PATH_HEADER } from '../portal-login/flow-scope';
import { getPortalContext, type TPortalContext } from './get-portal-context';

/**
 * For portal pages and their layout: the context, or a 401 page; a flow login is sent back to its
 * flow's page from every other one (checked by the layout and by each page: they render in parallel).
 */
export async function requirePortalContext(): Promise<TPortalContext> {
  const ctx = await getPortalContext();
  if (!ctx) unauthorized();
  const home = flowRedirect(ctx.login, (await headers()).get(PORTAL_PATH_HEADER));
  if (home) redirect(home);
  return ctx;
}
