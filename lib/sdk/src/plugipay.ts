// The package's entry point: what `@forjio/plugipay-node` exports.
export { PlugipayClient, type PlugipayClientOptions } from './client.js';
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
export type { CreatePortalSessionInput, PortalSession, PortalSessionFlow, PlugipayEvent, RequestOptions } from './types.js';
