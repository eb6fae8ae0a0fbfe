import { z } from 'zod';
import { zIdOf, zList, zListQuery } from '../api/api-schemas';
import { ZInvoice } from './invoice-resource';
import { ZPayment } from './payment-resource';

export const ZInvoiceListQuery = zListQuery('invoice', 'invoice', {
  customer: zIdOf('customer', 'customer').optional(),
  subscription: zIdOf('subscription', 'subscription').optional(),
  status: z.enum(['draft', 'open', 'paid', 'void', 'uncollectible']).optional(),
});
export const ZInvoiceList = zList(ZInvoice, 'InvoiceList');

export const ZPaymentListQuery = zListQuery('payment', 'payment', {
  customer: zIdOf('customer', 'customer').optional(),
  invoice: zIdOf('invoice', 'invoice').optional(),
});
export const ZPaymentList = zList(ZPayment, 'PaymentList');
