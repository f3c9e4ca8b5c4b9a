/** Syntetos-Boylan demand classes. */
export type DemandClass = "smooth" | "erratic" | "intermittent" | "lumpy";

/** Cut-off on the average inter-demand interval (Syntetos, Boylan & Croston 2005). */
export const ADI_CUTOFF = 1.32;
/** Cut-off on the squared coefficient of variation of demand sizes (Syntetos, Boylan & Croston 2005). */
export const CV2_CUTOFF = 0.49;

/** How intermittent a demand history is. */
export interface IntermittencyReport {
  /** Average inter-demand interval: periods per non-zero demand, counted from the start. */
  adi: number;
  /** Squared coefficient of variation of the non-zero demand sizes (population variance / mean²). */
  cv2: number;
  demandClass: DemandClass;
  /** True when ADI >= 1.32: demand is missing in many periods and a Croston-type method fits best. */
  intermittent: boolean;
  /** Number of periods with non-zero demand. */
  demands: number;
}

/**
 * Classify a demand history by ADI and CV² (Syntetos, Boylan & Croston 2005, JORS 56:495-503):
 * smooth (ADI < 1.32, CV² < 0.49), erratic (ADI < 1.32, CV² >= 0.49), intermittent (ADI >= 1.32,
 * CV² < 0.49), lumpy (ADI >= 1.32, CV² >= 0.49).
 * ADI = mean of the intervals between successive non-zero demands, the first counted from the start
 * (as R forecast::croston); CV² = variance / mean² of the non-zero sizes.
 * @param history - demand per period (no missing values)
 * @returns the report; a history without any demand has ADI = Infinity and is "intermittent"
 * @example classifyDemand([0, 0, 5, 0, 0, 5, 0, 0, 5]).demandClass // "intermittent" (ADI 3, CV² 0)
 */
export function classifyDemand(history: readonly number[]): IntermittencyReport {
  const sizes: number[] = [];
  const intervals: number[] = [];
  let last = -1;
  history.forEach((v, t) => {
    if (v !== 0) {
      sizes.push(v);
      intervals.push(t - last);
      last = t;
    }
  });
  if (sizes.length === 0) return { adi: Infinity, cv2: 0, demandClass: "intermittent", intermittent: true, demands: 0 };
  const adi = intervals.reduce((s, v) => s + v, 0) / intervals.length;
  const mean = sizes.reduce((s, v) => s + v, 0) / sizes.length;
  const variance = sizes.reduce((s, v) => s + (v - mean) ** 2, 0) / sizes.length;
  const cv2 = mean !== 0 ? variance / (mean * mean) : 0;
  const sparse = adi >= ADI_CUTOFF;
  const variable = cv2 >= CV2_CUTOFF;
  const demandClass: DemandClass = sparse ? (variable ? "lumpy" : "intermittent") : variable ? "erratic" : "smooth";
  return { adi, cv2, demandClass, intermittent: sparse, demands: sizes.length };
}
