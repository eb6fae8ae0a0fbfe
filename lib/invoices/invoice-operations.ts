import { defineOperation } from '../api/operation';
import { ZInvoice } from './invoice-resource';
import { ZInvoiceList, ZInvoiceListQuery, ZPaymentList, ZPaymentListQuery } from './invoice-schemas';
import { ZPayment } from './payment-resource';

const read = 'plugipay:billing:read' as const;

export const INVOICE_OPERATIONS = {
  list: defineOperation({
    method: 'get', path: '/api/v1/invoices', operationId: 'listInvoices', tag: 'Invoices', scope: read, query: ZInvoiceListQuery,
    summary: 'List invoices, newest first', response: { status: 200, description: 'A page of invoices.', schema: ZInvoiceList },
  }),
  retrieve: defineOperation({
    method: 'get', path: '/api/v1/invoices/{id}', operationId: 'retrieveInvoice', tag: 'Invoices', scope: read,
    summary: 'Retrieve an invoice with its lines', response: { status: 200, description: 'The invoice.', schema: ZInvoice },
  }),
  listPayments: defineOperation({
    method: 'get', path: '/api/v1/payments', operationId: 'listPayments', tag: 'Payments', scope: read, query: ZPaymentListQuery,
    summary: 'List payments, newest first', response: { status: 200, description: 'A page of payments.', schema: ZPaymentList },
  }),
  retrievePayment: defineOperation({
    method: 'get', path: '/api/v1/payments/{id}', operationId: 'retrievePayment', tag: 'Payments', scope: read,
    summary: 'Retrieve a payment', response: { status: 200, description: 'The payment.', schema: ZPayment },
  }),
};
