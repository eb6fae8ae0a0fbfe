import { z } from 'zod';

/**
 * An update body that names the fields it may not change, each with the way to do it instead,
 * rather than a bare "unknown field" (a price's amount is fixed for the invoices that used it).
 */
export function refusingImmutable<T extends z.ZodType>(schema: T, immutable: Record<string, string>) {
  return z.preprocess((body, ctx) => {
    if (body && typeof body === 'object' && !Array.isArray(body)) {
      for (const [field, message] of Object.entries(immutable)) {
        if (Object.hasOwn(body, field)) ctx.addIssue({ code: 'custom', path: [field], message, input: body });
      }
    }
    return body;
  }, schema);
}
