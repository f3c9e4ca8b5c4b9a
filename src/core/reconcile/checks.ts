import { PlanningError } from "../errors";

/**
 * Check that a series holds only finite numbers.
 * @param name what the series is, in the planner's words ("demand", "supply")
 * @throws PlanningError naming the series and the first period (1-based) without a number
 * @example assertNumbers("demand", [10, 20]) // passes
 */
export function assertNumbers(name: string, values: readonly number[]): void {
  const bad = values.findIndex((v) => typeof v !== "number" || !Number.isFinite(v));
  if (bad >= 0) {
    throw new PlanningError(`${capitalise(name)} has no number in period ${bad + 1}: fill it with a number (0 if nothing).`);
  }
}

/**
 * Check that two series cover the same periods.
 * @throws PlanningError saying both lengths
 * @example assertSameLength("demand", [1, 2], "supply", [3, 4]) // passes
 */
export function assertSameLength(nameA: string, a: readonly unknown[], nameB: string, b: readonly unknown[]): void {
  if (a.length !== b.length) {
    throw new PlanningError(
      `${capitalise(nameA)} has ${a.length} periods but ${nameB} has ${b.length}: give both for the same periods.`,
    );
  }
}

/**
 * Check that no value is below zero.
 * @throws PlanningError naming the series and the first position (1-based) that is negative
 * @example assertNotNegative("weights", [1, 0, 2]) // passes
 */
export function assertNotNegative(name: string, values: readonly number[]): void {
  const bad = values.findIndex((v) => v < 0);
  if (bad >= 0) {
    throw new PlanningError(`${capitalise(name)} cannot be negative, but value ${bad + 1} is ${values[bad]}.`);
  }
}

/**
 * A per-period value given either once for all periods or one per period, spread to `length` periods.
 * @throws PlanningError when a list is given whose length is not `length`, or a value is not a number
 * @example perPeriod("price", 5, 3) // [5, 5, 5]
 */
export function perPeriod(name: string, value: number | readonly number[], length: number): number[] {
  const values = typeof value === "number" ? new Array<number>(length).fill(value) : [...value];
  if (values.length !== length) {
    throw new PlanningError(
      `${capitalise(name)} has ${values.length} values but the plan has ${length} periods: give one value, or one per period.`,
    );
  }
  assertNumbers(name, values);
  return values;
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
