import { accuracy, gap } from "../../src/functions/functions";
import { SopFunctionError } from "../../src/functions/excelError";
import { excelError } from "./excelErrors";

describe("=SOP.GAP", () => {
  const demandColumn = [[100], [120], [80]];
  const supplyColumn = [[90], [130], [80]];

  test("units gap spills as a column for column input", () => {
    expect(gap(demandColumn, supplyColumn)).toEqual([[-10], [10], [0]]);
  });

  test("a row input spills as a row", () => {
    expect(gap([[100, 120, 80]], [[90, 130, 80]], "cumulative")).toEqual([[-10, 0, 0]]);
  });

  test("percent of demand, with #DIV/0! where demand is 0 and supply is not", () => {
    const result = gap([[100], [0], [0]], [[90], [5], [0]], "Percent");
    expect(result[0][0]).toBeCloseTo(-10);
    expect((result[1][0] as SopFunctionError).code).toBe("#DIV/0!");
    expect(result[2][0]).toBe(0);
  });

  test("revenue at risk uses one price or a price per period", () => {
    expect(gap(demandColumn, supplyColumn, "revenue", [[2]])).toEqual([[-20], [20], [0]]);
    expect(gap(demandColumn, supplyColumn, "revenue", [[1], [2], [3]])).toEqual([[-10], [20], [0]]);
  });

  test("blanks are refused unless the user says they are 0", () => {
    expect(excelError(() => gap([[100], [""]], [[90], [95]])).message).toMatch(/value 2 of demand is blank/);
    expect(gap([[100], [""]], [[90], [95]], "units", undefined, true)).toEqual([[-10], [95]]);
  });

  test("bad input answers with #VALUE! and says what is wrong", () => {
    expect(excelError(() => gap(demandColumn, [[1], [2]])).message).toMatch(/demand has 3 periods but supply has 2/);
    expect(excelError(() => gap([[1, 2], [3, 4]], [[1, 2], [3, 4]])).message).toMatch(/one row or one column.*2 rows and 2 columns/);
    expect(excelError(() => gap([[100], ["lots"]], [[1], [2]])).message).toMatch(/"lots", not a number/);
    const na = excelError(() => gap([[100], ["#N/A"]], [[1], [2]]));
    expect(na).toEqual({ code: "#N/A", message: expect.stringMatching(/error #N\/A/) });
    expect(excelError(() => gap(demandColumn, supplyColumn, "weekly")).message).toMatch(/use one of units, percent, cumulative, revenue/);
    expect(excelError(() => gap(demandColumn, supplyColumn, "revenue")).message).toMatch(/needs a price/);
  });
});

describe("=SOP.ACCURACY", () => {
  test("computes the chosen metric", () => {
    expect(accuracy([[100], [300]], [[110], [270]], "wmape")).toBeCloseTo(0.1, 12);
    expect(accuracy([[13], [14]], [[12], [15]], "mase", [[10], [11], [12]])).toBeCloseTo(1, 12);
  });

  test("MASE without history says what to add", () => {
    expect(excelError(() => accuracy([[1]], [[1]], "mase")).message).toMatch(/needs the history/);
  });
});
