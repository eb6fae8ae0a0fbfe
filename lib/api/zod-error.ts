import type { z } from 'zod';
import { ApiError } from './errors';

/** The first problem of a failed parse, as validation_error naming its field. */
export function validationErrorFrom(error: z.ZodError): ApiError {
  const issue = error.issues[0]!;
  if (issue.code === 'unrecognized_keys') {
    const keys = issue.keys.map((k) => [...issue.path, k].join('.'));
    return new ApiError('validation_error', `Unknown field${keys.length > 1 ? 's' : ''}: ${keys.join(', ')}.`, keys[0]);
  }
  const param = issue.path.map(String).join('.') || undefined;
  const missing = issue.code === 'invalid_type' && issue.input === undefined;
  return new ApiError('validation_error', missing ? `${param} is required.` : `${param ? `${param}: ` : ''}${issue.message}`, param);
}
