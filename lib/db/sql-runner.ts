// The few raw-SQL operations that Prisma's client does not cover (migrations, test set-up),
// over either database. Callers never learn which database it is.
export type TSqlRunner = {
  query<T = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<T[]>;
  /** Runs several statements separated by semicolons, without parameters. */
  exec(sql: string): Promise<void>;
  transaction<T>(fn: (tx: TSqlRunner) => Promise<T>): Promise<T>;
};
