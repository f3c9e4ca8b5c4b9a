import type { Highs } from "highs";

/** What a HiGHS runtime whose WebAssembly aborts in `run()` (as it does out of memory) was asked to do. */
export interface Calls {
  created: number;
  runs: number;
  disposed: number;
}

/**
 * The real runtime, except that every model's `run()` ends as Emscripten's abort ends it: a
 * WebAssembly.RuntimeError "Aborted()" (what HiGHS 1.15.3 threw on a 5-million-variable programme).
 */
export function abortingRuntime(highs: Highs, calls: Calls): Highs {
  return new Proxy(highs, {
    get(target, key) {
      if (key !== "createModel") return Reflect.get(target, key);
      return (...args: Parameters<Highs["createModel"]>) => {
        calls.created++;
        const model = target.createModel(...args);
        return new Proxy(model, {
          get(inner, name) {
            if (name === "run")
              return () => {
                calls.runs++;
                throw new WebAssembly.RuntimeError("Aborted(). Build with -sASSERTIONS for more info.");
              };
            if (name === "dispose") return () => calls.disposed++;
            const value: unknown = Reflect.get(inner, name);
            return typeof value === "function" ? value.bind(inner) : value;
          },
        });
      };
    },
  });
}
