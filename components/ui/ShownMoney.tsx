/** An amount ready to show: its exact decimal, its ISO currency, and the locale's text for it. */
export type TShownMoney = { value: string; currency: string; text: string };

/**
 * An amount already written for its locale, in a <data> element whose value is the exact decimal
 * and whose data-currency is the ISO code, so that machines (and tests) read the amount, not the
 * text. It formats nothing, so client components draw it from what the server wrote.
 */
export function ShownMoney({ value, currency, text, className }: TShownMoney & { className?: string }) {
  return (
    <data value={value} data-currency={currency} className={className}>
      {text}
    </data>
  );
}
