// The package's entry point: what `@forjio/plugipay-node` exports.
export { MAX_RETRY_AFTER_MS, PlugipayClient, type PlugipayClientOptions } from './client.js';
export { verifyWebhook, type VerifyWebhookInput } from './webhooks.js';
export {
  PlugipayError,
  PlugipayValidationError,
  PlugipayAuthenticationError,
  PlugipayPermissionError,
  PlugipayNotFoundError,
  PlugipayIdempotencyError,
  PlugipayRateLimitError,
  PlugipayApiError,
  PlugipayConnectionError,
  PlugipaySignatureVerificationError,
} from './errors.js';
export { ListPromise, type List } from './list.js';
export type * from './types.js';
export type { components, operations, paths } from './api-types.js';
