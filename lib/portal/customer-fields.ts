/** The customer's details the portal can let them edit; the merchant picks which (email is theirs to allow). */
export const CUSTOMER_FIELDS = ['email', 'name', 'phone', 'address', 'taxIds'] as const;
export type TCustomerField = (typeof CUSTOMER_FIELDS)[number];

export const DEFAULT_CUSTOMER_UPDATES: TCustomerField[] = ['name', 'phone', 'address', 'taxIds'];

export const isCustomerField = (field: string): field is TCustomerField => (CUSTOMER_FIELDS as readonly string[]).includes(field);
