import { PlanningError } from "../../../src/core/errors";
import { consensusForecast, type Override } from "../../../src/core/reconcile";

const statistical = { A: [100, 100], B: [50, 50] };

describe("consensusForecast, last word", () => {
  const overrides: Override[] = [
    { role: "sales", item: "A", period: 0, percent: 10, reason: "promotion" },
    { role: "marketing", item: "A", period: 0, delta: 5, reason: "campaign" },
    { role: "finance", item: "A", period: 1, value: 90, reason: "budget" },
    { role: "sales", item: "B", period: 1, value: 60, reason: "large order" },
  ];
  const result = consensusForecast(statistical, overrides, { kind: "lastWord", order: ["sales", "marketing", "finance"] });

  test("roles act in order, each on the number left before it", () => {
    // A, period 1: 100 x 1.10 = 110, then + 5 = 115
    expect(result.values).toEqual({ A: [115, 90], B: [50, 60] });
  });

  test("records who set each number and why", () => {
    expect(result.setBy).toEqual({ A: ["marketing", "finance"], B: ["statistical", "sales"] });
    expect(result.reasons.A[0]).toBe("sales: promotion; marketing: campaign");
    expect(result.reasons.B[0]).toBe("");
  });

  test("keeps the forecast after each role for FVA", () => {
    expect(result.steps.map((s) => s.role)).toEqual(["sales", "marketing", "finance"]);
    expect(result.steps[0].values.A).toEqual([110, 100]);
    expect(result.steps[1].values.A).toEqual([115, 100]);
  });

  test("the order decides: marketing first gives (100 + 5) x 1.10", () => {
    const swapped = consensusForecast(statistical, overrides, { kind: "lastWord", order: ["marketing", "sales", "finance"] });
    expect(swapped.values.A[0]).toBeCloseTo(115.5, 12);
    expect(swapped.setBy.A[0]).toBe("sales");
  });

  test("the statistical forecast is not changed", () => {
    expect(statistical.A).toEqual([100, 100]);
  });
});

describe("consensusForecast, weights by role", () => {
  test("weighted mean of the statistical forecast and the proposals, each from the statistical number", () => {
    const result = consensusForecast(
      statistical,
      [
        { role: "sales", item: "A", period: 0, percent: 10, reason: "promotion" },
        { role: "marketing", item: "A", period: 0, delta: 5, reason: "campaign" },
      ],
      { kind: "weighted", weights: { sales: 1, marketing: 2 } },
    );
    // (1 x 100 + 1 x 110 + 2 x 105) / 4 = 105
    expect(result.values.A).toEqual([105, 100]);
    expect(result.setBy.A[0]).toBe("statistical + sales + marketing");
    expect(result.steps.find((s) => s.role === "sales")?.values.A).toEqual([110, 100]);
  });

  test("weights that sum to 0 or are negative are refused", () => {
    const o: Override[] = [{ role: "sales", item: "A", period: 0, value: 1, reason: "x" }];
    expect(() => consensusForecast(statistical, o, { kind: "weighted", weights: { sales: 0 }, statisticalWeight: 0 })).toThrow("sum to 0");
    expect(() => consensusForecast(statistical, o, { kind: "weighted", weights: { sales: -1 } })).toThrow("cannot be negative");
  });
});

describe("consensusForecast refuses bad overrides", () => {
  const rule = { kind: "lastWord", order: ["sales"] } as const;
  const bad = (o: Partial<Override>): (() => unknown) => () =>
    consensusForecast(statistical, [{ role: "sales", item: "A", period: 0, value: 1, reason: "why", ...o }], rule);

  test.each([
    [{ reason: "  " }, "has no reason"],
    [{ role: "ops" }, "role the combination rule does not name"],
    [{ item: "Z" }, "has no statistical forecast"],
    [{ period: 2 }, "outside the forecast, which has 2 periods"],
    [{ delta: 3 }, "exactly one number"],
    [{ value: -1 }, "makes demand negative"],
  ])("%j", (o, message) => {
    expect(bad(o)).toThrow(PlanningError);
    expect(bad(o)).toThrow(message);
  });

  test("the same role twice on one number", () => {
    const o: Override = { role: "sales", item: "A", period: 0, value: 1, reason: "x" };
    expect(() => consensusForecast(statistical, [o, o], rule)).toThrow("given twice");
  });
});
