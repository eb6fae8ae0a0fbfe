// The seed page's platform samples: a merchant-scoped sub-client, and the low-level request with onBehalfOf.
import { PlugipayClient, type PortalSession } from '@forjio/plugipay-node';

const platform = new PlugipayClient({
  keyId: process.env.PLUGIPAY_PLATFORM_KEY_ID!,
  secret: process.env.PLUGIPAY_PLATFORM_SECRET!,
});

// Option 1: scoped sub-client
const merchant = platform.forMerchant(process.env.MERCHANT_ACCOUNT_ID!);
const session = await merchant.portalSessions.create({
  customerId: process.env.CUSTOMER_ID!,
  returnUrl: 'https://merchant-site.com/done',
});

// Option 2: low-level escape hatch with one-off override
const session2 = await platform.request<PortalSession>({
  method: 'POST',
  path: '/api/v1/portal-sessions',
  body: { customerId: process.env.CUSTOMER_ID!, returnUrl: 'https://merchant-site.com/done' },
  onBehalfOf: process.env.MERCHANT_ACCOUNT_ID!,
});

console.log(JSON.stringify([session, session2]));
