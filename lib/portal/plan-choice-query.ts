export type TPlanChoiceQuery = { price?: string | string[]; quantity?: string | string[] };

const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

/** The plan a picker's form chose (`?price=&quantity=`), for the subscription in the path; what is malformed is refused by the preview. */
export function planChoiceFrom(subscriptionId: string, query: TPlanChoiceQuery) {
  const quantity = first(query.quantity);
  return { subscriptionId, price: first(query.price) ?? '', quantity: quantity ? Number(quantity) : undefined };
}
