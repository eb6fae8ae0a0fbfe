import { z } from 'zod';
import { defineOperation } from '../api/operation';
import { ZPostalAddressOut } from '../billing/postal-address';
import { CUSTOMER_FIELDS } from '../portal/customer-fields';
import { ZBillingSettings, ZBillingSettingsPatch } from './billing-settings';
import { ZCheckoutSettingsPatch } from './checkout-settings';
import { ZPortalConfigurationPatch } from './portal-configuration';

const nullableString = z.string().nullable();

const ZCheckoutSettings = z
  .object({
    object: z.literal('checkout_settings'),
    displayName: z.string(),
    logoUrl: nullableString,
    brandColor: nullableString,
    accentColor: nullableString,
    supportEmail: nullableString,
    supportUrl: nullableString,
    termsUrl: nullableString,
    privacyUrl: nullableString,
    legalName: nullableString,
    address: ZPostalAddressOut.nullable(),
    taxId: nullableString,
  })
  .meta({ id: 'CheckoutSettings' });

const enabled = z.object({ enabled: z.boolean() });
const ZPortalConfiguration = z
  .object({
    object: z.literal('portal_configuration'),
    features: z.object({
      invoiceHistory: enabled,
      paymentMethodUpdate: enabled,
      subscriptionCancel: z.object({
        enabled: z.boolean(),
        mode: z.enum(['at_period_end', 'immediately']),
        reasons: z.array(z.string()),
        retentionCoupon: z.string().nullable().meta({ description: 'The coupon the cancel dialog offers to stay, once per subscription (see the subscription’s retentionOffer); null: none.' }),
      }),
      subscriptionResume: enabled,
      customerUpdate: z.object({ enabled: z.boolean(), allowedUpdates: z.array(z.enum(CUSTOMER_FIELDS)) }).meta({ description: 'The customer may edit these of their billing details in the portal; invoices issued afterwards carry them.' }),
      subscriptionPause: z.object({ enabled: z.boolean(), maxPeriods: z.number().int() }).meta({ description: 'The cancel dialog offers to pause payments for 1 to maxPeriods billing periods instead (renewals in the pause are voided; off by default).' }),
      subscriptionUpdate: z
        .object({
          enabled: z.boolean(),
          products: z.array(z.object({ product: z.string(), prices: z.array(z.string()) })),
          quantity: z.object({ enabled: z.boolean(), min: z.number().int(), max: z.number().int() }),
          prorationBehavior: z.enum(['create_prorations', 'none', 'always_invoice']),
          downgradeTiming: z.enum(['now', 'period_end']),
        })
        .meta({ description: 'The customer may change plan to the listed prices (and seats within quantity, when enabled), seeing the exact charge first; a downgrade waits for the period’s end with downgradeTiming period_end. Off by default.' }),
      resubscribe: enabled.meta({ description: 'A customer whose subscription ended may start it again from the portal, on its plan or one subscriptionUpdate offers, charged at once. Off by default.' }),
      invoicePayment: enabled.meta({ description: 'The customer may pay open invoices in the portal ("Pay now", and the invoice_payment flow).' }),
    }),
    defaultLocale: z.string(),
  })
  .meta({ id: 'PortalConfiguration' });

export const SETTINGS_OPERATIONS = {
  getBilling: defineOperation({
    method: 'get', path: '/api/v1/billing-settings', operationId: 'retrieveBillingSettings', tag: 'Settings', scope: 'plugipay:settings:read',
    summary: 'How the billing engine recovers failed payments',
    response: { status: 200, description: 'The settings.', schema: ZBillingSettings },
  }),
  updateBilling: defineOperation({
    method: 'patch', path: '/api/v1/billing-settings', operationId: 'updateBillingSettings', tag: 'Settings', scope: 'plugipay:settings:write', body: ZBillingSettingsPatch,
    summary: 'Change the retry schedule or what follows its last failure',
    description: 'Applies to the retries scheduled from then on; an invoice already waiting keeps the date it was given.',
    response: { status: 200, description: 'The settings after the change.', schema: ZBillingSettings },
  }),
  getCheckout: defineOperation({
    method: 'get', path: '/api/v1/checkout-settings', operationId: 'retrieveCheckoutSettings', tag: 'Settings', scope: 'plugipay:settings:read',
    summary: 'The branding and legal details the portal and documents use',
    response: { status: 200, description: 'The settings.', schema: ZCheckoutSettings },
  }),
  updateCheckout: defineOperation({
    method: 'patch', path: '/api/v1/checkout-settings', operationId: 'updateCheckoutSettings', tag: 'Settings', scope: 'plugipay:settings:write',
    body: ZCheckoutSettingsPatch.meta({ id: 'CheckoutSettingsUpdate' }),
    summary: 'Change some of the checkout settings',
    response: { status: 200, description: 'The settings after the change.', schema: ZCheckoutSettings },
  }),
  getPortal: defineOperation({
    method: 'get', path: '/api/v1/portal-configuration', operationId: 'retrievePortalConfiguration', tag: 'Settings', scope: 'plugipay:settings:read',
    summary: "The portal's features and default locale",
    response: { status: 200, description: 'The configuration.', schema: ZPortalConfiguration },
  }),
  updatePortal: defineOperation({
    method: 'patch', path: '/api/v1/portal-configuration', operationId: 'updatePortalConfiguration', tag: 'Settings', scope: 'plugipay:settings:write',
    body: ZPortalConfigurationPatch.meta({ id: 'PortalConfigurationUpdate' }),
    summary: 'Change some of the portal configuration',
    response: { status: 200, description: 'The configuration after the change.', schema: ZPortalConfiguration },
  }),
};
