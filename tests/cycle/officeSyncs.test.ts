import { officeCycleCosts } from "../workbook/fakeCycle";

describe("the cycle on Office.js keeps its round trips few and its requests small", () => {
  test.each([10, 125])("steps 1-6 on %i items per family (x4) take at most 10 context.sync() each, requests under 2 MB", async (perFamily) => {
    const costs = await officeCycleCosts(perFamily);
    expect(costs.map((cost) => cost.step)).toEqual(["1 gather", "2 demand", "3 supply", "4 reconcile", "5 present", "6 monitor"]);
    for (const cost of costs) {
      expect({ step: cost.step, syncs: Math.min(cost.syncs, 10) }).toEqual({ step: cost.step, syncs: cost.syncs });
      expect(cost.syncs).toBeGreaterThan(0);
      expect(cost.largestRequest.bytes).toBeLessThan(2_000_000);
      expect(cost.largestResponse.bytes).toBeLessThan(5 * 1024 * 1024);
    }
  }, 600_000);
});
