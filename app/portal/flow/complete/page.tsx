import { redirect } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { DoneButton } from '@/components/portal/DoneButton';
import { PortalFrame } from '@/components/portal/PortalFrame';
import { requirePortalContext } from '@/lib/portal/require-portal-context';

// Where a flow that ends on a hosted confirmation leads once its task is done: what happened, and the way back.
export default async function FlowCompletePage() {
  const ctx = await requirePortalContext();
  const { flowType } = ctx.login.session;
  if (!flowType || !ctx.login.flowCompletedAt) redirect('/portal');
  const t = await getTranslations('Portal');
  const merchant = ctx.branding.displayName;
  return (
    <PortalFrame ctx={ctx} title={t('flowCompleteTitle', { flow: flowType })}>
      <p className="mb-6">{t('flowCompleteBody', { merchant })}</p>
      <DoneButton label={t('returnTo', { merchant })} />
    </PortalFrame>
  );
}
