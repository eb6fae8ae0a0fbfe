import { readFileSync } from 'node:fs';
import { PlugipayClient } from './lib/sdk/src/plugipay';
const creds = JSON.parse(readFileSync('demo-credentials.json', 'utf8'));
const p = new PlugipayClient({ keyId: creds.merchant.keyId, secret: creds.merchant.secret, baseUrl: 'http://localhost:3999', maxRetries: 0 });
const sub = await p.subscriptions.retrieve(process.argv[2]!);
const s = await p.portalSessions.create({ customerId: sub.customer as string, returnUrl: 'https://x.example', locale: 'ja' });
console.log(s.url);
