import { comparisonFigures, comparisonTable, figureUnit, type ComparisonWording, type PlanSummary, type ScenarioComparison } from "../../../src/core/reconcile";

const base: PlanSummary = { cost: 100, revenue: 250, margin: 150, fillRate: 0.9, onTimeFillRate: 0.8, averageInventory: 12, peakInventory: 20, capacityUse: { Line: 95, Press: 40 } };
const comparison: ScenarioComparison = {
  base,
  scenarios: [
    { name: "Shift", summary: { ...base, cost: 110, capacityUse: { Line: 80, Press: 40 } }, delta: { ...base, cost: 10, capacityUse: { Line: -15, Press: 0 } } },
    { name: "Typo", error: "no such resource" },
  ],
};

describe("comparisonTable", () => {
  test("figures come in table order, each with the unit it is measured in", () => {
    expect(comparisonFigures(comparison).map((row) => [row.figure, figureUnit(row)])).toEqual([
      ["cost", "money"],
      ["revenue", "money"],
      ["margin", "money"],
      ["fillRate", "share"],
      ["onTimeFillRate", "share"],
      ["averageInventory", "units"],
      ["peakInventory", "units"],
      ["capacityUse", "percent"],
      ["capacityUse", "percent"],
    ]);
  });

  test("another wording renames columns and rows and keeps every value where it was", () => {
    const wording: ComparisonWording = {
      figure: "Key Figure",
      base: "Base",
      versusBase: (name) => `${name} - Base`,
      label: (row) => (row.figure === "capacityUse" ? `Use of ${row.resource}` : row.figure.toUpperCase()),
      error: "Why",
    };
    const renamed = comparisonTable(comparison, wording);
    const csv = comparisonTable(comparison);
    expect(renamed[0]).toEqual(["Key Figure", "Base", "Shift", "Shift - Base", "Typo", "Typo - Base"]);
    expect(renamed.map((row) => row[0])).toEqual(["Key Figure", "COST", "REVENUE", "MARGIN", "FILLRATE", "ONTIMEFILLRATE", "AVERAGEINVENTORY", "PEAKINVENTORY", "Use of Line", "Use of Press", "Why"]);
    expect(renamed.map((row) => row.slice(1))).toEqual(csv.map((row) => row.slice(1)).map((row, r) => (r === 0 ? renamed[0].slice(1) : row)));
    expect(renamed[8]).toEqual(["Use of Line", 95, 80, -15, "", ""]);
  });
});
