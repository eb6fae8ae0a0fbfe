import { getPaymentOrThrow } from '@/lib/billing/get-payment-or-throw';
import { pdfResponse } from '@/lib/pdf/pdf-document';
import { renderReceiptPdf } from '@/lib/pdf/render-receipt-pdf';
import { withPortalLogin } from '@/lib/portal-login/with-portal-login';
import { loadPdfContext } from '@/lib/portal/load-pdf-context';
import { ZPaymentParams } from '@/lib/portal/portal-object-params';

export const dynamic = 'force-dynamic';

// GET /portal/receipts/<pay_id>/pdf: one of the logged-in customer's receipts as a PDF
export const GET = withPortalLogin({ costly: true, params: ZPaymentParams }, async ({ login, params }) => {
  const payment = await getPaymentOrThrow(login, params.id);
  return pdfResponse(await renderReceiptPdf({ payment, ...(await loadPdfContext(login)) }), `receipt-${payment.receiptNumber}.pdf`);
});
