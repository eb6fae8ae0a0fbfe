import { z } from 'zod';
import { isId } from '../ids/new-id';

export const ZInvoiceParams = z.object({ id: z.string().refine((v) => isId('invoice', v)) });
export const ZPaymentParams = z.object({ id: z.string().refine((v) => isId('payment', v)) });
