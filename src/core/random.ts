/**
 * A small, fast, seeded pseudo-random generator (mulberry32, Tommy Ettinger's public-domain 32-bit
 * mixer): the same seed gives the same stream on every run and platform. Used where the engine
 * simulates (ETS prediction intervals) and by the generators of the sample workbook and benchmarks.
 * @param seed any 32-bit integer.
 * @returns A function giving uniform numbers in [0, 1).
 * @example const random = mulberry32(42); random(); // 0.6011...
 */
export function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
