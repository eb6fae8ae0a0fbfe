// The seed page's webhook receiver, fed a body and signature from the environment.
import { verifyWebhook } from '@forjio/plugipay-node';

const event = verifyWebhook({
  body: process.env.WEBHOOK_BODY!,
  signature: process.env.WEBHOOK_SIGNATURE!,
  secret: process.env.PLUGIPAY_WEBHOOK_SECRET!,
});

if (event.type === 'plugipay.subscription.canceled.v1') {
  console.log(`canceled ${(event.data.object as { id: string }).id}`);
}
