import type { Prisma } from '../db/generated/client';
import { readPostalAddress, type TPostalAddress } from './postal-address';
import { readTaxIds, type TTaxId } from './tax-ids';

/** Who a document is billed to. */
export type TBuyer = { name: string | null; email: string; address: TPostalAddress | null; taxIds: TTaxId[] };

type TInvoiceSnapshot = { customerName: string | null; customerEmail: string | null; customerAddress: unknown; customerTaxIds: unknown };

/**
 * The buyer an issued invoice names: the details it was issued with (a later change of address
 * does not rewrite it), or the customer as they are now for an invoice issued without them.
 */
export function invoiceBuyer(invoice: TInvoiceSnapshot, current: TBuyer): TBuyer {
  if (!invoice.customerEmail) return current;
  return {
    name: invoice.customerName,
    email: invoice.customerEmail,
    address: readPostalAddress(invoice.customerAddress),
    taxIds: readTaxIds(invoice.customerTaxIds),
  };
}

/** The customer as an invoice keeps them from the moment it is issued (what invoiceBuyer reads back). */
export function buyerSnapshot(customer: { name: string | null; email: string; address: Prisma.JsonValue; taxIds: Prisma.JsonValue }) {
  return { customerName: customer.name, customerEmail: customer.email, customerAddress: customer.address ?? undefined, customerTaxIds: customer.taxIds ?? [] };
}
