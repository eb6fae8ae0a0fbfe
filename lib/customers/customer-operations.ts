import { resourceOperations } from '../api/operation';
import { ZCustomer, ZCustomerCreate, ZCustomerList, ZCustomerListQuery, ZCustomerUpdate, ZDeletedCustomer } from './customer-schemas';

export const CUSTOMER_OPERATIONS = resourceOperations(
  {
    path: '/api/v1/customers', tag: 'Customers', noun: 'customer', operationNoun: 'Customer',
    notes: {
      retrieve: 'A deleted customer answers as `{id, object, deleted: true}`.',
      update: 'Only the fields given change; `null` clears an optional field; metadata keys merge in, and an empty value removes its key.',
      del: 'Cancels its subscriptions at once, detaches its cards and stops its portal links. Its invoices and payments stay.',
    },
  },
  { resource: ZCustomer, retrieved: ZCustomer.or(ZDeletedCustomer), list: ZCustomerList, create: ZCustomerCreate, update: ZCustomerUpdate, listQuery: ZCustomerListQuery, deleted: ZDeletedCustomer },
);
