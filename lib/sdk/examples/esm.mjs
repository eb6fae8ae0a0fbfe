// Plain JavaScript, ES modules.
import { PlugipayClient } from '@forjio/plugipay-node';

const plugipay = new PlugipayClient({ keyId: process.env.PLUGIPAY_KEY_ID, secret: process.env.PLUGIPAY_SECRET });
const session = await plugipay.portalSessions.create({ customerId: process.env.CUSTOMER_ID, returnUrl: 'https://yourapp.com/account/billing' });
console.log(session.url);
