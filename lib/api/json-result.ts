// What a merchant API handler returns: a status and a JSON body, so that the wrapper can store it
// for idempotent replay before it becomes a Response.
export type TJsonResult = { status: number; body: unknown };

export function json(status: number, body: unknown): TJsonResult {
  return { status, body };
}
