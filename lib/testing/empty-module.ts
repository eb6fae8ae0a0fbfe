// Stands in for `server-only` under Vitest, which runs server code outside a React server bundle.
export {};
