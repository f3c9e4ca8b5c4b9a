import type { PlanSummary, ScenarioComparison } from "../../src/core/reconcile";
import { scenarioSheet } from "../../src/cycle/scenarioSheet";
import { formatNumber } from "../../src/workbook/numberFormat";

const base: PlanSummary = {
  cost: 13856501.857,
  revenue: 23454454.694,
  margin: 9597952.837,
  fillRate: 0.991234,
  onTimeFillRate: 0.98765,
  averageInventory: 4191.918,
  peakInventory: 6006.04,
  capacityUse: { Assembly: 106.4712, Packing: 114.34 },
};
const promo: PlanSummary = { ...base, cost: 15533857.61, fillRate: 0.95, capacityUse: { Assembly: 115.01, Packing: 120.27 } };
const delta: PlanSummary = { ...base, cost: 1677355.753, fillRate: 0.95 - 0.991234, capacityUse: { Assembly: 8.5388, Packing: 5.93 } };
const comparison: ScenarioComparison = {
  base,
  scenarios: [
    { name: "Demand +10%", summary: promo, delta },
    { name: "Press Capacity -10%", error: 'Scenario "Press Capacity -10%", change 1 (capacity) names resource "Press", which is not in the model.' },
  ],
};

describe("scenarioSheet", () => {
  const sheet = scenarioSheet(comparison);
  const row = (label: string) => sheet.rows.findIndex((r) => r[0] === label);

  test("Title Case names with units, and scenario columns named against the base", () => {
    expect(sheet.rows[0]).toEqual(["Key Figure", "Base", "Demand +10%", "Demand +10% vs Base", "Press Capacity -10%", "Press Capacity -10% vs Base"]);
    expect(sheet.rows.map((r) => r[0])).toEqual([
      "Key Figure",
      "Total Cost (currency)",
      "Revenue (currency)",
      "Margin (currency)",
      "Fill Rate (%)",
      "On-Time Fill Rate (%)",
      "Average Inventory (units)",
      "Peak Inventory (units)",
      "Capacity Use, Assembly (%)",
      "Capacity Use, Packing (%)",
      "Why Not Planned",
    ]);
    expect(sheet.rows[row("Why Not Planned")][4]).toMatch(/names resource "Press"/);
  });

  test("cells stay numbers: money to cents, fill rates and capacity use as shares of 1", () => {
    expect(sheet.rows[row("Total Cost (currency)")].slice(1, 4)).toEqual([13856501.86, 15533857.61, 1677355.75]);
    expect(sheet.rows[row("Fill Rate (%)")].slice(1, 4)).toEqual([0.9912, 0.95, -0.0412]);
    expect(sheet.rows[row("Capacity Use, Assembly (%)")].slice(1, 4)).toEqual([1.0647, 1.1501, 0.0854]);
    expect(sheet.rows[row("Fill Rate (%)")].slice(4)).toEqual(["", ""]);
  });

  test("every number has the format a planner reads: whole money and units, percentages with one decimal", () => {
    const shown = (label: string) => sheet.rows[row(label)].slice(1, 4).map((cell, c) => formatNumber(cell as number, sheet.numberFormats[row(label)][c + 1]));
    expect(shown("Total Cost (currency)")).toEqual(["13,856,502", "15,533,858", "1,677,356"]);
    expect(shown("Fill Rate (%)")).toEqual(["99.1%", "95.0%", "-4.1%"]);
    expect(shown("Peak Inventory (units)")).toEqual(["6,006", "6,006", "6,006"]);
    expect(shown("Capacity Use, Packing (%)")).toEqual(["114.3%", "120.3%", "5.9%"]);
    expect(sheet.numberFormats[0].every((format) => format === "@")).toBe(true);
    expect(sheet.numberFormats.map((formats) => formats[0])).toEqual(sheet.rows.map(() => "@"));
  });
});
