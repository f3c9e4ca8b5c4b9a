import { historyMeasure, measureKind } from "../../src/cycle/measureNames";

describe("measureKind", () => {
  it.each([
    ["Actuals Qty", "history"],
    ["Sales history", "history"],
    ["Actual Sales Units", "history"],
    ["Sum of Qty", "history"],
    ["Demand", "history"],
    ["Ist", "history"],
    ["Statistical Forecast Qty", "other"],
    ["Consensus Demand Qty", "other"],
    ["Corrected history", "other"],
    ["Last Year Actuals", "other"],
    ["Open Orders", "other"],
    ["Projected Inventory", "other"],
    ["Budget Units", "other"],
    ["Sales Value", "money"],
    ["Sum of Revenue", "money"],
    ["EUR", "money"],
    ["Version B", "unknown"],
    ["Scenario 2", "unknown"],
  ])("%s is %s", (name, kind) => {
    expect(measureKind(name)).toBe(kind);
  });
});

describe("historyMeasure", () => {
  it("takes the one measure naming history when every other names a plan, a derived figure or money", () => {
    expect(historyMeasure(["Actuals Qty", "Statistical Forecast Qty", "Consensus Demand Qty"])).toBe("Actuals Qty");
    expect(historyMeasure(["Sales history", "Corrected history", "Statistical forecast"])).toBe("Sales history");
    expect(historyMeasure(["Sum of Qty", "Sum of Value"])).toBe("Sum of Qty");
  });

  it("does not guess between two that could each be demand, nor beside one it does not know", () => {
    expect(historyMeasure(["Sales Qty", "Returns Qty"])).toBeUndefined();
    expect(historyMeasure(["Actual", "Version B"])).toBeUndefined();
    expect(historyMeasure(["Forecast", "Budget"])).toBeUndefined();
  });
});
