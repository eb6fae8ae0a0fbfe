// Plain JavaScript, CommonJS: the same client through require().
const { PlugipayClient, PlugipayNotFoundError } = require('@forjio/plugipay-node');

const plugipay = new PlugipayClient({ keyId: process.env.PLUGIPAY_KEY_ID, secret: process.env.PLUGIPAY_SECRET });
plugipay.portalSessions
  .create({ customerId: process.env.CUSTOMER_ID, returnUrl: 'https://yourapp.com/account/billing' })
  .then((session) => console.log(session.url))
  .then(() => plugipay.portalSessions.create({ customerId: process.env.OTHER_CUSTOMER_ID, returnUrl: 'https://yourapp.com/' }))
  .catch((error) => console.log(error instanceof PlugipayNotFoundError ? `not_found ${error.requestId}` : `unexpected ${error}`));
