import { ApiError } from '@/lib/api/errors';
import { getInvoiceOrThrow } from '@/lib/billing/get-invoice-or-throw';
import { pdfResponse } from '@/lib/pdf/pdf-document';
import { renderInvoicePdf } from '@/lib/pdf/render-invoice-pdf';
import { withPortalLogin } from '@/lib/portal-login/with-portal-login';
import { pdfContextOf } from '@/lib/portal/pdf-context';
import { ZInvoiceParams } from '@/lib/portal/portal-object-params';

export const dynamic = 'force-dynamic';

// GET /portal/invoices/<inv_id>/pdf: one of the logged-in customer's invoices as a PDF
export const GET = withPortalLogin({ costly: true, presented: true, params: ZInvoiceParams }, async ({ login, presentation, params }) => {
  const context = pdfContextOf(presentation);
  if (!context.invoiceHistoryEnabled) throw new ApiError('not_found', 'No such invoice.');
  const invoice = await getInvoiceOrThrow(login, params.id);
  return pdfResponse(await renderInvoicePdf({ invoice, ...context }), `invoice-${invoice.number}.pdf`);
});
