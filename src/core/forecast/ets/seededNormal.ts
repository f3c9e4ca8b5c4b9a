import { mulberry32 } from "../../random";

/**
 * A reproducible stream of standard normal draws: the mulberry32 generator (T. Ettinger, 32-bit state)
 * for uniforms, turned into normals by the Box-Muller transform (both values of each pair used).
 * The same seed gives the same stream on every run and platform.
 *
 * @param seed any 32-bit integer.
 * @returns a function returning the next N(0, 1) draw.
 * @example
 * const draw = seededNormal(42);
 * draw(); // the same number every run
 */
export function seededNormal(seed: number): () => number {
  const next = mulberry32(seed);
  // shifted by half a step into the open interval (0, 1), where the logarithm below is finite
  const uniform = (): number => next() + 0.5 / 4294967296;
  let spare = NaN;
  return (): number => {
    if (!Number.isNaN(spare)) {
      const value = spare;
      spare = NaN;
      return value;
    }
    const radius = Math.sqrt(-2 * Math.log(uniform()));
    const angle = 2 * Math.PI * uniform();
    spare = radius * Math.sin(angle);
    return radius * Math.cos(angle);
  };
}

let cachedSeed = NaN;
let cachedDraws = new Float64Array(0);

/**
 * The first `count` draws of {@link seededNormal}(seed), computed once and cached: repeated forecasts reuse
 * the same draws instead of generating them again. Callers must not modify the returned array.
 *
 * @param seed any 32-bit integer.
 * @param count number of draws needed.
 * @returns an array of at least `count` N(0, 1) draws (the cached stream; read only).
 * @example
 * seededNormalDraws(42, 3)[0] === seededNormal(42)() // true
 */
export function seededNormalDraws(seed: number, count: number): Float64Array {
  if (seed !== cachedSeed || cachedDraws.length < count) {
    const draw = seededNormal(seed);
    cachedDraws = new Float64Array(Math.max(count, seed === cachedSeed ? 2 * cachedDraws.length : 0));
    for (let i = 0; i < cachedDraws.length; i++) cachedDraws[i] = draw();
    cachedSeed = seed;
  }
  return cachedDraws;
}
