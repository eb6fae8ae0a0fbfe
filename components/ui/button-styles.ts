// Shared button looks: at least 44 px tall, a visible focus ring, the merchant's colour for the main action.
const base = 'inline-flex min-h-11 items-center justify-center rounded-lg px-4 font-semibold focus-visible:outline-3 focus-visible:outline-offset-2 focus-visible:outline-blue-600 disabled:opacity-60';
export const primaryButton = `${base} bg-[var(--brand)] text-[var(--brand-text)]`;
export const secondaryButton = `${base} border border-zinc-300 dark:border-zinc-600`;
export const dangerButton = `${base} bg-red-700 text-white`;
