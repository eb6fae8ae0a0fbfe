import 'server-only';
import { z } from 'zod';
import { getPrisma } from '../db/get-db';

export const ZBillingSettings = z
  .object({
    object: z.literal('billing_settings'),
    dunning: z.object({
      retryDays: z.array(z.number().int()).meta({ description: 'Days after a renewal’s first failed charge on which it is tried again.' }),
      finalAction: z.enum(['cancel', 'mark_unpaid']).meta({ description: 'What happens to the subscription when the last retry fails too.' }),
    }),
  })
  .meta({ id: 'BillingSettings' });

/** PATCH body: what is left out stays as it is. Retry days rise strictly, at most 8 of them within 60 days. */
export const ZBillingSettingsPatch = z
  .strictObject({
    dunning: z
      .strictObject({
        retryDays: z
          .array(z.number().int().min(1).max(60))
          .max(8)
          .refine((days) => days.every((d, n) => n === 0 || d > days[n - 1]!), { message: 'must rise strictly: each retry after the one before' })
          .optional(),
        finalAction: z.enum(['cancel', 'mark_unpaid']).optional(),
      })
      .optional(),
  })
  .meta({ id: 'BillingSettingsUpdate' });

function serialize(a: { dunningRetryDays: number[]; dunningFinalAction: 'cancel' | 'mark_unpaid' }): z.infer<typeof ZBillingSettings> {
  return { object: 'billing_settings', dunning: { retryDays: a.dunningRetryDays, finalAction: a.dunningFinalAction } };
}

const SELECT = { dunningRetryDays: true, dunningFinalAction: true } as const;

export async function getBillingSettings(accountId: string) {
  return serialize(await getPrisma().account.findUniqueOrThrow({ where: { id: accountId }, select: SELECT }));
}

export async function updateBillingSettings(accountId: string, patch: z.infer<typeof ZBillingSettingsPatch>) {
  const { retryDays, finalAction } = patch.dunning ?? {};
  const account = await getPrisma().account.update({
    where: { id: accountId },
    data: { ...(retryDays ? { dunningRetryDays: retryDays } : {}), ...(finalAction ? { dunningFinalAction: finalAction } : {}) },
    select: SELECT,
  });
  return serialize(account);
}
