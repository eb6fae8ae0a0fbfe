import type { PlugipayClient } from './client.js';
import type {
  BillingSettings, BillingSettingsUpdateInput, CheckoutSettings, CheckoutSettingsUpdateInput, Coupon, CouponCreateInput, Customer, CustomerCreateInput, CustomerUpdateInput, DeletedCoupon, DeletedCustomer,
  Event, Invoice, InvoiceCreateInput, InvoiceItem, InvoiceItemCreateInput, ListQuery, Payment, Refund, RefundCreateInput, Subscription, SubscriptionCreateInput, SubscriptionUpdateInput, UpcomingInvoice, PaymentMethod, PaymentMethodAttachInput, PerRequestOptions, PortalConfiguration, PortalConfigurationUpdateInput, Price, PriceCreateInput,
  PriceUpdateInput, Product, ProductCreateInput, ProductUpdateInput, TaxRate, TaxRateCreateInput, TaxRateUpdateInput, TestClock, TestClockCreateInput, WebhookDelivery, WebhookEndpoint,
  WebhookEndpointCreateInput,
} from './types.js';

type O = PerRequestOptions;
const id = (value: string) => encodeURIComponent(value);

/** The typed resources of the API, each a thin layer over `client.request` and `client.list`. */
export function createResources(client: PlugipayClient) {
  const get = <T>(path: string, options?: O) => client.request<T>({ method: 'GET', path, ...options });
  const post = <T>(path: string, body: unknown, options?: O) => client.request<T>({ method: 'POST', path, body, ...options });
  const patch = <T>(path: string, body: unknown, options?: O) => client.request<T>({ method: 'PATCH', path, body, ...options });
  const del = <T>(path: string, options?: O) => client.request<T>({ method: 'DELETE', path, ...options });

  return {
    customers: {
      create: (input: CustomerCreateInput, options?: O) => post<Customer>('/api/v1/customers', input, options),
      retrieve: (customerId: string, options?: O) => get<Customer | DeletedCustomer>(`/api/v1/customers/${id(customerId)}`, options),
      update: (customerId: string, input: CustomerUpdateInput, options?: O) => patch<Customer>(`/api/v1/customers/${id(customerId)}`, input, options),
      del: (customerId: string, options?: O) => del<DeletedCustomer>(`/api/v1/customers/${id(customerId)}`, options),
      list: (query: ListQuery<'listCustomers'> = {}, options?: O) => client.list<Customer>('/api/v1/customers', query, options),
    },
    products: {
      create: (input: ProductCreateInput, options?: O) => post<Product>('/api/v1/products', input, options),
      retrieve: (productId: string, options?: O) => get<Product>(`/api/v1/products/${id(productId)}`, options),
      update: (productId: string, input: ProductUpdateInput, options?: O) => patch<Product>(`/api/v1/products/${id(productId)}`, input, options),
      list: (query: ListQuery<'listProducts'> = {}, options?: O) => client.list<Product>('/api/v1/products', query, options),
    },
    prices: {
      create: (input: PriceCreateInput, options?: O) => post<Price>('/api/v1/prices', input, options),
      retrieve: (priceId: string, options?: O) => get<Price>(`/api/v1/prices/${id(priceId)}`, options),
      update: (priceId: string, input: PriceUpdateInput, options?: O) => patch<Price>(`/api/v1/prices/${id(priceId)}`, input, options),
      list: (query: ListQuery<'listPrices'> = {}, options?: O) => client.list<Price>('/api/v1/prices', query, options),
    },
    taxRates: {
      create: (input: TaxRateCreateInput, options?: O) => post<TaxRate>('/api/v1/tax-rates', input, options),
      retrieve: (taxRateId: string, options?: O) => get<TaxRate>(`/api/v1/tax-rates/${id(taxRateId)}`, options),
      update: (taxRateId: string, input: TaxRateUpdateInput, options?: O) => patch<TaxRate>(`/api/v1/tax-rates/${id(taxRateId)}`, input, options),
      list: (query: ListQuery<'listTaxRates'> = {}, options?: O) => client.list<TaxRate>('/api/v1/tax-rates', query, options),
    },
    coupons: {
      create: (input: CouponCreateInput, options?: O) => post<Coupon>('/api/v1/coupons', input, options),
      retrieve: (couponId: string, options?: O) => get<Coupon>(`/api/v1/coupons/${id(couponId)}`, options),
      del: (couponId: string, options?: O) => del<DeletedCoupon>(`/api/v1/coupons/${id(couponId)}`, options),
      list: (query: ListQuery<'listCoupons'> = {}, options?: O) => client.list<Coupon>('/api/v1/coupons', query, options),
    },
    subscriptions: {
      create: (input: SubscriptionCreateInput, options?: O) => post<Subscription>('/api/v1/subscriptions', input, options),
      retrieve: (subscriptionId: string, options?: O) => get<Subscription>(`/api/v1/subscriptions/${id(subscriptionId)}`, options),
      update: (subscriptionId: string, input: SubscriptionUpdateInput, options?: O) => patch<Subscription>(`/api/v1/subscriptions/${id(subscriptionId)}`, input, options),
      /** Ends it now (DELETE). */
      cancel: (subscriptionId: string, options?: O) => del<Subscription>(`/api/v1/subscriptions/${id(subscriptionId)}`, options),
      resume: (subscriptionId: string, options?: O) => post<Subscription>(`/api/v1/subscriptions/${id(subscriptionId)}/resume`, undefined, options),
      list: (query: ListQuery<'listSubscriptions'> = {}, options?: O) => client.list<Subscription>('/api/v1/subscriptions', query, options),
    },
    invoices: {
      /** A one-off draft; add items with invoiceItems.create, then finalize it. */
      create: (input: InvoiceCreateInput, options?: O) => post<Invoice>('/api/v1/invoices', input, options),
      finalize: (invoiceId: string, options?: O) => post<Invoice>(`/api/v1/invoices/${id(invoiceId)}/finalize`, undefined, options),
      pay: (invoiceId: string, input: { paymentMethod?: string } = {}, options?: O) => post<Invoice>(`/api/v1/invoices/${id(invoiceId)}/pay`, input, options),
      void: (invoiceId: string, options?: O) => post<Invoice>(`/api/v1/invoices/${id(invoiceId)}/void`, undefined, options),
      markUncollectible: (invoiceId: string, options?: O) => post<Invoice>(`/api/v1/invoices/${id(invoiceId)}/mark-uncollectible`, undefined, options),
      retrieve: (invoiceId: string, options?: O) => get<Invoice>(`/api/v1/invoices/${id(invoiceId)}`, options),
      /** What the next renewal will charge (the portal's "Next charge"). */
      upcoming: (query: ListQuery<'retrieveUpcomingInvoice'>, options?: O) =>
        client.request<UpcomingInvoice>({ method: 'GET', path: '/api/v1/invoices/upcoming', query, ...options }),
      list: (query: ListQuery<'listInvoices'> = {}, options?: O) => client.list<Invoice>('/api/v1/invoices', query, options),
    },
    refunds: {
      create: (input: RefundCreateInput, options?: O) => post<Refund>('/api/v1/refunds', input, options),
      retrieve: (refundId: string, options?: O) => get<Refund>(`/api/v1/refunds/${id(refundId)}`, options),
      list: (query: ListQuery<'listRefunds'> = {}, options?: O) => client.list<Refund>('/api/v1/refunds', query, options),
    },
    invoiceItems: {
      create: (input: InvoiceItemCreateInput, options?: O) => post<InvoiceItem>('/api/v1/invoice-items', input, options),
    },
    payments: {
      retrieve: (paymentId: string, options?: O) => get<Payment>(`/api/v1/payments/${id(paymentId)}`, options),
      list: (query: ListQuery<'listPayments'> = {}, options?: O) => client.list<Payment>('/api/v1/payments', query, options),
    },
    paymentMethods: {
      attach: (customerId: string, input: PaymentMethodAttachInput, options?: O) => post<PaymentMethod>(`/api/v1/customers/${id(customerId)}/payment-methods`, input, options),
      list: (customerId: string, query: ListQuery<'listPaymentMethods'> = {}, options?: O) => client.list<PaymentMethod>(`/api/v1/customers/${id(customerId)}/payment-methods`, query, options),
      detach: (customerId: string, paymentMethodId: string, options?: O) => del<PaymentMethod>(`/api/v1/customers/${id(customerId)}/payment-methods/${id(paymentMethodId)}`, options),
      setDefault: (customerId: string, paymentMethodId: string, options?: O) =>
        post<PaymentMethod>(`/api/v1/customers/${id(customerId)}/payment-methods/${id(paymentMethodId)}/default`, undefined, options),
    },
    /** Outside production mode only. */
    testClocks: {
      create: (input: TestClockCreateInput, options?: O) => post<TestClock>('/api/v1/test-clocks', input, options),
      retrieve: (testClockId: string, options?: O) => get<TestClock>(`/api/v1/test-clocks/${id(testClockId)}`, options),
      /** Runs the billing engine for the clock's customers up to frozenTime (unix seconds); answers when done. */
      advance: (testClockId: string, input: { frozenTime: number }, options?: O) => post<TestClock>(`/api/v1/test-clocks/${id(testClockId)}/advance`, input, options),
      list: (query: ListQuery<'listTestClocks'> = {}, options?: O) => client.list<TestClock>('/api/v1/test-clocks', query, options),
    },
    webhookEndpoints: {
      create: (input: WebhookEndpointCreateInput, options?: O) => post<WebhookEndpoint>('/api/v1/webhook-endpoints', input, options),
      list: (query: ListQuery<'listWebhookEndpoints'> = {}, options?: O) => client.list<WebhookEndpoint>('/api/v1/webhook-endpoints', query, options),
      del: (endpointId: string, options?: O) => del<{ id: string; object: 'webhook_endpoint'; deleted: true }>(`/api/v1/webhook-endpoints/${id(endpointId)}`, options),
      rotateSecret: (endpointId: string, options?: O) => post<WebhookEndpoint>(`/api/v1/webhook-endpoints/${id(endpointId)}/rotate-secret`, undefined, options),
      listDeliveries: (endpointId: string, query: ListQuery<'listWebhookDeliveries'> = {}, options?: O) =>
        client.list<WebhookDelivery>(`/api/v1/webhook-endpoints/${id(endpointId)}/deliveries`, query, options),
    },
    events: {
      list: (query: ListQuery<'listEvents'> = {}, options?: O) => client.list<Event>('/api/v1/events', query, options),
      redeliver: (eventId: string, input: { endpoint?: string } = {}, options?: O) => post<{ object: 'list'; data: WebhookDelivery[] }>(`/api/v1/events/${id(eventId)}/redeliver`, input, options),
    },
    settings: {
      retrieveCheckout: (options?: O) => get<CheckoutSettings>('/api/v1/checkout-settings', options),
      updateCheckout: (input: CheckoutSettingsUpdateInput, options?: O) => patch<CheckoutSettings>('/api/v1/checkout-settings', input, options),
      retrievePortal: (options?: O) => get<PortalConfiguration>('/api/v1/portal-configuration', options),
      updatePortal: (input: PortalConfigurationUpdateInput, options?: O) => patch<PortalConfiguration>('/api/v1/portal-configuration', input, options),
      /** The failed-payment retry schedule and what follows its last failure. */
      retrieveBilling: (options?: O) => get<BillingSettings>('/api/v1/billing-settings', options),
      updateBilling: (input: BillingSettingsUpdateInput, options?: O) => patch<BillingSettings>('/api/v1/billing-settings', input, options),
    },
  };
}
