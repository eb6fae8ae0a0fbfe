import { COUPON_OPERATIONS, PRICE_OPERATIONS, PRODUCT_OPERATIONS, TAX_RATE_OPERATIONS } from '../../catalog/catalog-operations';
import { CUSTOMER_OPERATIONS } from '../../customers/customer-operations';
import { PAYMENT_METHOD_OPERATIONS } from '../../customers/payment-method-operations';
import { PORTAL_SESSION_OPERATIONS } from '../../portal-sessions/portal-session-operations';
import { SETTINGS_OPERATIONS } from '../../settings/settings-operations';
import { SUBSCRIPTION_OPERATIONS } from '../../subscriptions/subscription-operations';
import { INVOICE_OPERATIONS } from '../../invoices/invoice-operations';
import { TEST_CLOCK_OPERATIONS } from '../../test-clocks/test-clock-operations';
import { WEBHOOK_OPERATIONS } from '../../webhooks/webhook-operations';
import type { TOperation } from '../operation';

/** Every operation of the merchant API, in the order the document lists them. */
export const ALL_OPERATIONS: readonly TOperation<never, never>[] = [
  PORTAL_SESSION_OPERATIONS,
  CUSTOMER_OPERATIONS,
  PAYMENT_METHOD_OPERATIONS,
  PRODUCT_OPERATIONS,
  PRICE_OPERATIONS,
  TAX_RATE_OPERATIONS,
  COUPON_OPERATIONS,
  SUBSCRIPTION_OPERATIONS,
  INVOICE_OPERATIONS,
  TEST_CLOCK_OPERATIONS,
  SETTINGS_OPERATIONS,
  WEBHOOK_OPERATIONS,
].flatMap((group) => Object.values(group) as TOperation<never, never>[]);
