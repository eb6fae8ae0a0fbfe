import { resourceOperations } from '../api/operation';
import { ZCoupon, ZCouponCreate, ZCouponList, ZCouponListQuery, ZDeletedCoupon } from './coupon-schemas';
import { ZPrice, ZPriceCreate, ZPriceList, ZPriceListQuery, ZPriceUpdate } from './price-schemas';
import { ZProduct, ZProductCreate, ZProductList, ZProductListQuery, ZProductUpdate } from './product-schemas';
import { ZTaxRate, ZTaxRateCreate, ZTaxRateList, ZTaxRateListQuery, ZTaxRateUpdate } from './tax-rate-schemas';

const products = resourceOperations(
  { path: '/api/v1/products', tag: 'Products', noun: 'product', operationNoun: 'Product', notes: { update: 'Archive a product with `active: false`; its prices stay as they are.' } },
  { resource: ZProduct, list: ZProductList, create: ZProductCreate, update: ZProductUpdate, listQuery: ZProductListQuery },
);
export const PRODUCT_OPERATIONS = { create: products.create, list: products.list, retrieve: products.retrieve, update: products.update };

const prices = resourceOperations(
  {
    path: '/api/v1/prices', tag: 'Prices', noun: 'price', operationNoun: 'Price',
    notes: {
      create: 'Without `recurring` the price is one-time (for invoice items). Its amount, currency, interval and tax behaviour never change afterwards.',
      update: 'Nickname, lookup key, `active` and metadata only; naming a fixed term is a validation error.',
    },
  },
  { resource: ZPrice, list: ZPriceList, create: ZPriceCreate, update: ZPriceUpdate, listQuery: ZPriceListQuery },
);
export const PRICE_OPERATIONS = { create: prices.create, list: prices.list, retrieve: prices.retrieve, update: prices.update };

const taxRates = resourceOperations(
  { path: '/api/v1/tax-rates', tag: 'Tax rates', noun: 'tax rate', operationNoun: 'TaxRate', notes: { update: 'The percentage and whether it is inclusive never change.' } },
  { resource: ZTaxRate, list: ZTaxRateList, create: ZTaxRateCreate, update: ZTaxRateUpdate, listQuery: ZTaxRateListQuery },
);
export const TAX_RATE_OPERATIONS = { create: taxRates.create, list: taxRates.list, retrieve: taxRates.retrieve, update: taxRates.update };

const coupons = resourceOperations(
  { path: '/api/v1/coupons', tag: 'Coupons', noun: 'coupon', operationNoun: 'Coupon', notes: { del: 'No subscription can take it afterwards; those that hold it keep their discount.' } },
  { resource: ZCoupon, list: ZCouponList, create: ZCouponCreate, listQuery: ZCouponListQuery, deleted: ZDeletedCoupon },
);
export const COUPON_OPERATIONS = { create: coupons.create, list: coupons.list, retrieve: coupons.retrieve, del: coupons.del };
