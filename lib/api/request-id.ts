import { newId } from '../ids/new-id';

export const REQUEST_ID_HEADER = 'Plugipay-Request-Id';

export function newRequestId(): string {
  return newId('request');
}
