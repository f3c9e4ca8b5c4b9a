/**
 * The form of an exponential smoothing state-space model, ETS(error, trend, season), in the taxonomy of
 * Hyndman, Koehler, Ord & Snyder, "Forecasting with Exponential Smoothing: The State Space Approach"
 * (Springer, 2008), table 2.1.
 */
export interface EtsSpec {
  /** Additive ("A") or multiplicative ("M") errors. */
  error: "A" | "M";
  /** No trend ("N"), additive ("A") or additive damped ("Ad"). */
  trend: "N" | "A" | "Ad";
  /** No season ("N"), additive ("A") or multiplicative ("M"). */
  season: "N" | "A" | "M";
}

/**
 * The model's name as R's forecast package writes it.
 * @param spec the model form.
 * @returns e.g. "ETS(M,Ad,M)".
 * @example
 * etsName({ error: "A", trend: "Ad", season: "N" }) // "ETS(A,Ad,N)"
 */
export function etsName(spec: EtsSpec): string {
  return `ETS(${spec.error},${spec.trend},${spec.season})`;
}

/**
 * The method id of a fixed ETS form: "ets-" and the three letters in lower case, damping as "d".
 * @param spec the model form.
 * @returns e.g. "ets-aaa", "ets-madm".
 * @example
 * etsId({ error: "M", trend: "Ad", season: "M" }) // "ets-madm"
 */
export function etsId(spec: EtsSpec): string {
  return `ets-${spec.error}${spec.trend}${spec.season}`.toLowerCase();
}

/**
 * Number of free parameters R's ets() estimates for a form: alpha and the initial level, beta and
 * the initial slope, gamma and m - 1 initial seasonal states (the m-th follows from the others), phi.
 * The error variance is not counted. R fits a form only when the series has more than this + 4 values.
 * @param spec the model form.
 * @param seasonLength season length m.
 * @returns the count.
 * @example
 * etsParameterCount({ error: "M", trend: "Ad", season: "M" }, 12) // 17
 */
export function etsParameterCount(spec: EtsSpec, seasonLength: number): number {
  const trend = spec.trend !== "N" ? 2 : 0;
  const season = spec.season !== "N" ? seasonLength : 0;
  return 2 + trend + season + (spec.trend === "Ad" ? 1 : 0);
}

/**
 * The form named by {@link etsName}, read back from a model name (so a form chosen on a whole history
 * can be fitted again on part of it).
 * @param name a model name, e.g. "ETS(M,Ad,M)".
 * @returns the form, or undefined when the name is not an ETS name.
 * @example
 * etsSpecFromName("ETS(A,Ad,N)") // { error: "A", trend: "Ad", season: "N" }
 */
export function etsSpecFromName(name: string): EtsSpec | undefined {
  const match = /^ETS\((A|M),(N|A|Ad),(N|A|M)\)$/.exec(name);
  return match ? { error: match[1] as EtsSpec["error"], trend: match[2] as EtsSpec["trend"], season: match[3] as EtsSpec["season"] } : undefined;
}
