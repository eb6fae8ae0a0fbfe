import 'server-only';
import { unauthorized } from 'next/navigation';
import { getPortalContext, type TPortalContext } from './get-portal-context';

/** For portal pages: the context, or a 401 page (the layout checks too; pages render in parallel). */
export async function requirePortalContext(): Promise<TPortalContext> {
  const ctx = await getPortalContext();
  if (!ctx) unauthorized();
  return ctx;
}
