import 'server-only';
import type { z } from 'zod';
import { ApiError } from '../api/errors';
import { listOf, pageArgs } from '../api/list-page';
import { getPrisma } from '../db/get-db';
import { isId } from '../ids/new-id';
import { INVOICE_INCLUDE, serializeInvoice } from './invoice-resource';
import type { ZInvoiceListQuery, ZPaymentListQuery } from './invoice-schemas';
import { serializePayment } from './payment-resource';

export async function retrieveInvoice(accountId: string, id: string) {
  const invoice = isId('invoice', id) ? await getPrisma().invoice.findFirst({ where: { id, accountId }, include: INVOICE_INCLUDE }) : null;
  if (!invoice) throw new ApiError('not_found', `No such invoice: ${id}.`, 'id');
  return serializeInvoice(invoice);
}

export async function listInvoices(accountId: string, query: z.infer<typeof ZInvoiceListQuery>) {
  const page = pageArgs(query);
  const rows = await getPrisma().invoice.findMany({
    where: {
      accountId,
      ...(query.customer ? { customerId: query.customer } : {}),
      ...(query.subscription ? { subscriptionId: query.subscription } : {}),
      ...(query.status ? { status: query.status } : {}),
      ...page.cursor,
    },
    orderBy: page.orderBy,
    take: page.take,
    include: INVOICE_INCLUDE,
  });
  return listOf(rows, query, serializeInvoice);
}

export async function retrievePayment(accountId: string, id: string) {
  const payment = isId('payment', id) ? await getPrisma().payment.findFirst({ where: { id, accountId } }) : null;
  if (!payment) throw new ApiError('not_found', `No such payment: ${id}.`, 'id');
  return serializePayment(payment);
}

export async function listPayments(accountId: string, query: z.infer<typeof ZPaymentListQuery>) {
  const page = pageArgs(query);
  const rows = await getPrisma().payment.findMany({
    where: { accountId, ...(query.customer ? { customerId: query.customer } : {}), ...(query.invoice ? { invoiceId: query.invoice } : {}), ...page.cursor },
    orderBy: page.orderBy,
    take: page.take,
  });
  return listOf(rows, query, serializePayment);
}
