/**
 * How large a network plan the optimiser solves within a minute. Measured with bench/network.ts on 2
 * shared cores (HiGHS dual simplex without presolve, devex pricing; CPU seconds, load 3-4): 300 items x
 * 5 locations x 36 months (54,000 stocking-point months) 9.8 s, 750 items (135,000) 52.6 s and 970 MB
 * (59.5 s wall), 1,000 items (180,000) 108.7 s and 1.15 GB. Tried and not adopted: interior point
 * (2-3x the CPU), planning item groups separately (dearer plans, more CPU), and quarterly buckets
 * after the first year (`bucketModel`: 20 periods instead of 36, but dual simplex needed 3-4x the CPU).
 */

import type { SupplyModel } from "./model";

/** Stocking-point months (stocking points x periods) of a network that plan within about 60 s. */
export const NETWORK_MONTHS_IN_A_MINUTE = 135_000;

/**
 * A sentence to show before planning a network larger than plans within a minute, naming its size and
 * the largest that fits; undefined for a single-site model or a network within it.
 * @example networkSizeNotice(model) // "This network has 5,000 stocking points over 36 months (180,000 ...)"
 */
export function networkSizeNotice(model: SupplyModel): string | undefined {
  if ((model.lanes ?? []).length === 0) return undefined;
  const months = model.items.length * model.periods;
  if (months <= NETWORK_MONTHS_IN_A_MINUTE) return undefined;
  const locations = Math.max(1, model.locations?.length ?? 1);
  const fits = Math.floor(NETWORK_MONTHS_IN_A_MINUTE / (locations * model.periods) / 50) * 50;
  return (
    `This network has ${model.items.length.toLocaleString("en-US")} stocking points over ${model.periods} months (${months.toLocaleString("en-US")} stocking-point months); ` +
    `the optimiser plans up to about ${NETWORK_MONTHS_IN_A_MINUTE.toLocaleString("en-US")} within a minute on two cores (about ${fits.toLocaleString("en-US")} items at ${locations} locations over ${model.periods} months). ` +
    `Expect several minutes: plan families instead of single items, or shorten the horizon, to plan within a minute.`
  );
}
