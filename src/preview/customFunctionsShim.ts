/**
 * Stand-in for Excel's `CustomFunctions` global in the browser preview. The build appends
 * `CustomFunctions.associate("ID", fn)` to src/functions/functions.ts (from its JSDoc); here those
 * calls record each function under the id Excel would use. Import this module before the functions.
 * It defines no `CustomFunctions.Error`, so the functions throw their own error with the Excel code.
 */
type CustomFunction = (...args: unknown[]) => unknown;

const associated = new Map<string, CustomFunction>();

const host = globalThis as unknown as { CustomFunctions?: unknown };
if (host.CustomFunctions === undefined) {
  host.CustomFunctions = {
    associate(id: string, fn: CustomFunction): void {
      associated.set(id.toUpperCase(), fn);
    },
  };
}

/** The functions associated so far, by upper-case id. */
export function associatedFunctions(): ReadonlyMap<string, CustomFunction> {
  return associated;
}
