import ExcelJS from "exceljs";
import { displayValue, layoutSheet } from "../../src/preview/sheetLayout";
import type { FormulaOutcome } from "../../src/preview/formula";
import { MemoryWorkbook } from "../../src/workbook/memoryWorkbook";

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

describe("a planner's date cells", () => {
  test("show as Excel shows them: month headers typed as dates under their date format, text headers as text", async () => {
    const planner = new ExcelJS.Workbook();
    const sheet = planner.addWorksheet("Forecast");
    sheet.addRow(["Item", new Date(Date.UTC(2024, 0, 1)), new Date(Date.UTC(2024, 1, 1)), new Date(Date.UTC(2024, 2, 15)), "2024-04"]);
    (["B1", "C1"] as const).forEach((address) => (sheet.getCell(address).numFmt = "mmm-yy"));
    const book = await MemoryWorkbook.fromXlsx(new Uint8Array(await planner.xlsx.writeBuffer()));
    const inputs = book.sheetInputs("Forecast");
    expect(inputs[0].slice(1, 4)).toEqual([45292, 45323, 45366]);
    const layout = layoutSheet(inputs, book.sheetValues("Forecast"), book.sheetNumberFormats("Forecast"), new Map(), 0);
    // D1 has no format of its own: ExcelJS saves a date with built-in format 14, Excel's short date.
    expect([1, 2, 3, 4].map((col) => layout.cell(0, col).text)).toEqual(["Jan-24", "Feb-24", "3/15/2024", "2024-04"]);
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
