/** The fields of a PATCH body that were given (null included: it clears), to write as they are. */
export function definedFields<T extends object, K extends keyof T>(patch: T, keys: readonly K[]): { [P in K]?: Exclude<T[P], undefined> } {
  return Object.fromEntries(keys.filter((k) => patch[k] !== undefined).map((k) => [k, patch[k]])) as { [P in K]?: Exclude<T[P], undefined> };
}
