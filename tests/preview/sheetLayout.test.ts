import { displayValue, layoutSheet } from "../../src/preview/sheetLayout";
import type { FormulaOutcome } from "../../src/preview/formula";

const formula = { formula: "=SOP.GAP({1;2},{3;5})" };

describe("layoutSheet", () => {
  test("spills a formula's result below its cell and grows the grid to hold it, plus the margin", () => {
    const outcomes = new Map<string, FormulaOutcome>([["A1", { ok: true, values: [[2], [3]] }]]);
    const layout = layoutSheet([[formula]], [[null]], outcomes, 2);
    expect([layout.cell(0, 0).text, layout.cell(1, 0).text]).toEqual(["2", "3"]);
    expect(layout.cell(0, 0)).toMatchObject({ kind: "number", title: formula.formula });
    expect(layout.cell(1, 0)).toMatchObject({ kind: "spilled", title: "Result of =SOP.GAP({1;2},{3;5}) in A1" });
    expect([layout.rows, layout.columns]).toEqual([4, 3]);
  });

  test("shows #SPILL! naming the blocking cell when the result would cover a typed value", () => {
    const outcomes = new Map<string, FormulaOutcome>([["A1", { ok: true, values: [[2], [3]] }]]);
    const layout = layoutSheet([[formula], ["mine"]], [[null], ["mine"]], outcomes, 0);
    expect(layout.cell(0, 0)).toMatchObject({ text: "#SPILL!", kind: "error" });
    expect(layout.cell(0, 0).title).toContain("A2 is not empty");
    expect(layout.cell(1, 0).text).toBe("mine");
  });

  test("shows a function's error value with its message on hover", () => {
    const outcomes = new Map<string, FormulaOutcome>([["A1", { ok: false, code: "#VALUE!", message: "demand is empty." }]]);
    expect(layoutSheet([[formula]], [[null]], outcomes, 0).cell(0, 0)).toEqual({ text: "#VALUE!", kind: "error", title: "demand is empty." });
  });

  test("other formulas show their saved result and say they are not calculated here", () => {
    const layout = layoutSheet([[{ formula: "=SUM(B1:B2)" }]], [[42]], new Map(), 0);
    expect(layout.cell(0, 0)).toEqual({ text: "42", kind: "number", title: "=SUM(B1:B2) (not calculated in the preview)" });
  });
});

describe("displayValue", () => {
  test("numbers keep at most 4 decimals; booleans and error values read as in Excel", () => {
    expect(displayValue(2.123456).text).toBe("2.1235");
    expect(displayValue(-5).text).toBe("-5");
    expect(displayValue(true).text).toBe("TRUE");
    expect(displayValue("#N/A")).toEqual({ text: "#N/A", kind: "error" });
    expect(displayValue("#hashtag").kind).toBe("text");
  });
});
