import { defineOperation } from '../api/operation';
import { ZInvoice } from './invoice-resource';
import { ZInvoiceList, ZInvoiceListQuery, ZPaymentList, ZPaymentListQuery } from './invoice-schemas';
import { ZInvoiceCreate, ZInvoiceItem, ZInvoiceItemCreate, ZInvoicePay } from './one-off-schemas';
import { ZPayment } from './payment-resource';
import { ZUpcomingInvoice, ZUpcomingInvoiceQuery } from './upcoming-invoice';
import { ZRefund, ZRefundCreate, ZRefundList, ZRefundListQuery } from './refunds';

const read = 'plugipay:billing:read' as const;
const write = 'plugipay:billing:write' as const;
const transition = (path: string, operationId: string, summary: string, description: string) =>
  defineOperation({ method: 'post', path: `/api/v1/invoices/{id}/${path}`, operationId, tag: 'Invoices', scope: write, summary, description, response: { status: 200, description: 'The invoice after it.', schema: ZInvoice } });

export const INVOICE_OPERATIONS = {
  create: defineOperation({
    method: 'post', path: '/api/v1/invoices', operationId: 'createInvoice', tag: 'Invoices', scope: write, body: ZInvoiceCreate,
    summary: 'Create a one-off draft invoice', description: 'Add items with POST /api/v1/invoice-items, then finalize it.',
    response: { status: 201, description: 'The draft.', schema: ZInvoice },
  }),
  createItem: defineOperation({
    method: 'post', path: '/api/v1/invoice-items', operationId: 'createInvoiceItem', tag: 'Invoices', scope: write, body: ZInvoiceItemCreate,
    summary: 'Add an item to a draft invoice',
    response: { status: 201, description: 'The item, with the draft it is on.', schema: ZInvoiceItem },
  }),
  finalize: transition('finalize', 'finalizeInvoice', 'Finalize a draft', 'It takes the next number; charge_automatically charges the default card at once (a decline leaves it open). Anything but a draft answers 409 invalid_state.'),
  pay: defineOperation({
    method: 'post', path: '/api/v1/invoices/{id}/pay', operationId: 'payInvoice', tag: 'Invoices', scope: write, body: ZInvoicePay,
    summary: 'Pay an open invoice now', description: 'With the card named, or the default one. A decline is a validation_error on paymentMethod and leaves it open; a paid or void invoice answers 409 invalid_state.',
    response: { status: 200, description: 'The paid invoice.', schema: ZInvoice },
  }),
  void: transition('void', 'voidInvoice', 'Void an open invoice', 'For an invoice issued by mistake; a paid one answers 409 invalid_state.'),
  markUncollectible: transition('mark-uncollectible', 'markInvoiceUncollectible', 'Write an open invoice off', 'It stays on the books as uncollectible.'),
  list: defineOperation({
    method: 'get', path: '/api/v1/invoices', operationId: 'listInvoices', tag: 'Invoices', scope: read, query: ZInvoiceListQuery,
    summary: 'List invoices, newest first', response: { status: 200, description: 'A page of invoices.', schema: ZInvoiceList },
  }),
  upcoming: defineOperation({
    method: 'get', path: '/api/v1/invoices/upcoming', operationId: 'retrieveUpcomingInvoice', tag: 'Invoices', scope: read, query: ZUpcomingInvoiceQuery,
    summary: 'What the next renewal will charge',
    description: 'A dry run of the function that issues renewals; the portal’s "Next charge" shows the same, prorations waiting included. With `items` (and `prorationDate`), the proposed change is run and rolled back, and the preview bills what it would. A subscription set to cancel, or none, answers 404.',
    response: { status: 200, description: 'The upcoming invoice (no id or number yet).', schema: ZUpcomingInvoice },
  }),
  retrieve: defineOperation({
    method: 'get', path: '/api/v1/invoices/{id}', operationId: 'retrieveInvoice', tag: 'Invoices', scope: read,
    summary: 'Retrieve an invoice with its lines', response: { status: 200, description: 'The invoice.', schema: ZInvoice },
  }),
  listPayments: defineOperation({
    method: 'get', path: '/api/v1/payments', operationId: 'listPayments', tag: 'Payments', scope: read, query: ZPaymentListQuery,
    summary: 'List payments, newest first', response: { status: 200, description: 'A page of payments.', schema: ZPaymentList },
  }),
  createRefund: defineOperation({
    method: 'post', path: '/api/v1/refunds', operationId: 'createRefund', tag: 'Payments', scope: write, body: ZRefundCreate,
    summary: 'Refund a payment, whole or in part', description: 'Never above what is left of the payment (409 invalid_state); a failed payment cannot be refunded.',
    response: { status: 201, description: 'The refund.', schema: ZRefund },
  }),
  listRefunds: defineOperation({
    method: 'get', path: '/api/v1/refunds', operationId: 'listRefunds', tag: 'Payments', scope: read, query: ZRefundListQuery,
    summary: 'List refunds, newest first', response: { status: 200, description: 'A page of refunds.', schema: ZRefundList },
  }),
  retrieveRefund: defineOperation({
    method: 'get', path: '/api/v1/refunds/{id}', operationId: 'retrieveRefund', tag: 'Payments', scope: read,
    summary: 'Retrieve a refund', response: { status: 200, description: 'The refund.', schema: ZRefund },
  }),
  retrievePayment: defineOperation({
    method: 'get', path: '/api/v1/payments/{id}', operationId: 'retrievePayment', tag: 'Payments', scope: read,
    summary: 'Retrieve a payment', response: { status: 200, description: 'The payment.', schema: ZPayment },
  }),
};
