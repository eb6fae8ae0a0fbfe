import { getPaymentOrThrow } from '@/lib/billing/get-payment-or-throw';
import { pdfResponse } from '@/lib/pdf/pdf-document';
import { renderReceiptPdf } from '@/lib/pdf/render-receipt-pdf';
import { withPortalLogin } from '@/lib/portal-login/with-portal-login';
import { pdfContextOf } from '@/lib/portal/pdf-context';
import { ZPaymentParams } from '@/lib/portal/portal-object-params';

export const dynamic = 'force-dynamic';

// GET /portal/receipts/<pay_id>/pdf: one of the logged-in customer's receipts as a PDF
export const GET = withPortalLogin({ costly: true, presented: true, params: ZPaymentParams }, async ({ login, presentation, params }) => {
  const payment = await getPaymentOrThrow(login, params.id);
  return pdfResponse(await renderReceiptPdf({ payment, ...pdfContextOf(presentation) }), `receipt-${payment.receiptNumber}.pdf`);
});
