import { displayValue, layoutSheet } from "../../src/preview/sheetLayout";
import type { FormulaOutcome } from "../../src/preview/formula";

const formula = { formula: "=SOP.GAP({1;2},{3;5})" };

describe("layoutSheet", () => {
  test("spills a formula's result below its cell and grows the grid to hold it, plus the margin", () => {
    const outcomes = new Map<string, FormulaOutcome>([["A1", { ok: true, values: [[2], [3]] }]]);
    const layout = layoutSheet([[formula]], [[null]], [], outcomes, 2);
    expect([layout.cell(0, 0).text, layout.cell(1, 0).text]).toEqual(["2", "3"]);
    expect(layout.cell(0, 0)).toMatchObject({ kind: "number", title: formula.formula });
    expect(layout.cell(1, 0)).toMatchObject({ kind: "spilled", title: "Result of =SOP.GAP({1;2},{3;5}) in A1" });
    expect([layout.rows, layout.columns]).toEqual([4, 3]);
  });

  test("shows #SPILL! naming the blocking cell when the result would cover a typed value", () => {
    const outcomes = new Map<string, FormulaOutcome>([["A1", { ok: true, values: [[2], [3]] }]]);
    const layout = layoutSheet([[formula], ["mine"]], [[null], ["mine"]], [], outcomes, 0);
    expect(layout.cell(0, 0)).toMatchObject({ text: "#SPILL!", kind: "error" });
    expect(layout.cell(0, 0).title).toContain("A2 is not empty");
    expect(layout.cell(1, 0).text).toBe("mine");
  });

  test("shows a function's error value with its message on hover", () => {
    const outcomes = new Map<string, FormulaOutcome>([["A1", { ok: false, code: "#VALUE!", message: "demand is empty." }]]);
    expect(layoutSheet([[formula]], [[null]], [], outcomes, 0).cell(0, 0)).toEqual({ text: "#VALUE!", kind: "error", title: "demand is empty." });
  });

  test("other formulas show their saved result and say they are not calculated here", () => {
    const layout = layoutSheet([[{ formula: "=SUM(B1:B2)" }]], [[42]], [], new Map(), 0);
    expect(layout.cell(0, 0)).toEqual({ text: "42", kind: "number", title: "=SUM(B1:B2) (not calculated in the preview)" });
  });

  test("numbers show under their cell's number format, typed, saved or spilled", () => {
    const outcomes = new Map<string, FormulaOutcome>([["C1", { ok: true, values: [[0.25], [1234.5]] }]]);
    const inputs = [[0.98765, { formula: "=SUM(D1:D2)" }, formula], ["Revenue", null, null]];
    const formats = [["0.0%", "#,##0", "0%"], [undefined, undefined, "#,##0.00"]];
    const layout = layoutSheet(inputs, [[0.98765, 23454454.69, null], ["Revenue", null, null]], formats, outcomes, 0);
    expect([layout.cell(0, 0).text, layout.cell(0, 1).text, layout.cell(0, 2).text, layout.cell(1, 2).text]).toEqual(["98.8%", "23,454,455", "25%", "1,234.50"]);
  });
});

describe("displayValue", () => {
  test("numbers read in Excel's General format without one; booleans and error values read as in Excel", () => {
    expect(displayValue(1234.5678901234).text).toBe("1234.56789");
    expect(displayValue(0.1 + 0.2).text).toBe("0.3");
    expect(displayValue(-5).text).toBe("-5");
    expect(displayValue(true).text).toBe("TRUE");
    expect(displayValue("#N/A")).toEqual({ text: "#N/A", kind: "error" });
    expect(displayValue("#hashtag").kind).toBe("text");
  });
});
