import { biasAlarm, trackingSignal } from "../../../src/core/metrics";
import { PlanningError } from "../../../src/core/errors";

const months = (value: number, h = 5): number[] => new Array<number>(h).fill(value);

describe("bias alarm: the errors run one way (tracking signal beyond ±4) by an amount that matters", () => {
  test("whole-unit rounding of the plan never rings it, though its tracking signal is beyond 4", () => {
    const plan = [99.6, 120.7, 80.6, 140.9, 101.8];
    const actual = plan.map(Math.round); // 0.4, 0.3, 0.4, 0.1, 0.2 above: 0.28 a month
    expect(trackingSignal(actual, plan)).toBeCloseTo(5, 12);
    expect(biasAlarm(actual, plan)).toBe(false);
    expect(biasAlarm(months(100), months(100.4))).toBe(false);
  });

  test("a genuine 10% under-forecast (or over-forecast) rings it", () => {
    expect(biasAlarm(months(110), months(100))).toBe(true);
    expect(biasAlarm(months(90), months(100))).toBe(true);
  });

  test("a miss under 1 unit a month is no alarm, even at 10% of a small item's demand", () => {
    expect(biasAlarm(months(5.5), months(5))).toBe(false);
    expect(biasAlarm(months(11), months(10))).toBe(true);
  });

  test("a miss under 2% of demand is no alarm, even at many units a month", () => {
    expect(biasAlarm(months(10150), months(10000))).toBe(false);
    expect(biasAlarm(months(10300), months(10000))).toBe(true);
  });

  test("errors both ways are no alarm, however large", () => {
    expect(biasAlarm([150, 50, 150, 50, 160], months(100))).toBe(false);
  });

  test("an exact plan is no alarm; bad input gets a planner-facing error", () => {
    expect(biasAlarm(months(100), months(100))).toBe(false);
    expect(() => biasAlarm([1, 2], [1])).toThrow(PlanningError);
    expect(() => biasAlarm([1, NaN], [1, 2])).toThrow(/Period 2/);
  });
});
