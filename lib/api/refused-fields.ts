import { z } from 'zod';

/**
 * A body schema that names the fields it refuses, each with the way to do it instead, rather than
 * a bare "unknown field": a price's amount is fixed for the invoices that used it; a card number
 * never reaches the API.
 */
export function refusingFields<T extends z.ZodType>(schema: T, refused: Record<string, string>) {
  return z.preprocess((body, ctx) => {
    if (body && typeof body === 'object' && !Array.isArray(body)) {
      for (const [field, message] of Object.entries(refused)) {
        if (Object.hasOwn(body, field)) ctx.addIssue({ code: 'custom', path: [field], message, input: body });
      }
    }
    return body;
  }, schema);
}
