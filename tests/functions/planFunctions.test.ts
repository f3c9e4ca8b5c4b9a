import { abcxyz, capacity, disaggregateTotal, financials, fva, inventory, safetyStockLevel, supplyPlan } from "../../src/functions/functions";
import { SopFunctionError } from "../../src/functions/excelError";
import { excelError, excelErrorAsync } from "./excelErrors";

describe("supply functions", () => {
  test("=SOP.INVENTORY projects I(t) = I(t-1) + supply - demand, negative = backlog", () => {
    expect(inventory(100, [[50, 50, 50]], [[80, 200, 0]])).toEqual([[70, -80, -30]]);
    expect(inventory(100, [[50], [50]], [[80], [200]], "lost")).toEqual([[70], [0]]);
    expect(excelError(() => inventory(0, [[1, 2]], [[1]])).message).toMatch(/supply has 2 periods but demand has 1/);
  });

  test("=SOP.SAFETYSTOCK: z x sd x sqrt(L), service level as 0.95 or 95", () => {
    // history sd (sample) of [90, 110, 100, 100] = 8.165; z(0.95) = 1.6449; L = 1 -> 13.43
    expect(safetyStockLevel([[90], [110], [100], [100]], 1, 0.95)).toBeCloseTo(13.43, 2);
    expect(safetyStockLevel([[90], [110], [100], [100]], 4, 95)).toBeCloseTo(26.86, 2);
    // The engine calls a lead time of 0 an invalid number; Excel would drop that message on #NUM!.
    expect(excelError(() => safetyStockLevel([[90], [110], [100], [100]], 0, 0.95))).toEqual({ code: "#VALUE!", message: "The lead time must be more than 0 periods." });
  });

  test("=SOP.CAPACITY divides load by hours available, #DIV/0! where none are", () => {
    const result = capacity([[50, 120, 10]], [[100, 100, 0]]);
    expect(result[0].slice(0, 2)).toEqual([0.5, 1.2]);
    expect((result[0][2] as SopFunctionError).code).toBe("#DIV/0!");
  });

  test("=SOP.SUPPLYPLAN: overtime covers a peak when it is cheaper than holding stock from earlier", async () => {
    // demand 100, 300; regular capacity 200 each; overtime up to 100 at 8 vs regular 5 + holding 4:
    // building 100 ahead costs 5 + 4 = 9 a unit, overtime 8: the optimum makes 200 + 100 overtime in period 2.
    const plan = (await supplyPlan([[100], [300]], [[200], [200]], [[5], [8], [""], [4]], [[100]])) as number[][];
    expect(plan).toEqual([
      [100, 0, 0, 0, 0, 0],
      [200, 100, 0, 0, 0, 0],
    ]);
    expect((await excelErrorAsync(() => supplyPlan([[1]], [[1], [2]], [[1], [1], [""], [1]]))).message).toMatch(/demand has 1 period but capacity has 2 periods/);
  });
});

describe("reconcile functions", () => {
  test("=SOP.FINANCIALS: revenue, cost of goods, margin, inventory value, holding cost per period", () => {
    const result = financials([[10, 20], [12, 18], [2, 0]], [[5]], [[3]], 0.1);
    expect(result).toEqual([
      [50, 100],
      [30, 60],
      [20, 40],
      [6, 0],
      [expect.closeTo(0.6, 10), 0],
    ]);
    expect(excelError(() => financials([[1, 2]], [[1]], [[1]])).message).toMatch(/three rows or three columns/);
  });

  test("=SOP.DISAGGREGATE splits a total so that the parts add back exactly", () => {
    expect(disaggregateTotal(10, [[1], [1], [1]], 2)).toEqual([[3.34], [3.33], [3.33]]);
    expect(excelError(() => disaggregateTotal(10, [[1, -1]])).message).toMatch(/negative|0 or more/);
  });

  test("=SOP.FVA shows an override that made the forecast worse", () => {
    const rows = fva([[100, 100]], [[80, 120]], [[95, 105]], [[120, 120]]) as (string | number)[][];
    expect(rows[0]).toEqual(["Step", "Error", "Added vs naive", "Added vs previous"]);
    expect(rows[1][0]).toBe("naive");
    expect(rows[2][2]).toBeGreaterThan(0);
    expect(rows[3][3]).toBeLessThan(0);
  });

  test("=SOP.ABCXYZ classes items by value and variability", () => {
    // values 400, 40, 20 of 460: shares before each item 0, 0.87, 0.957 -> A, B, C; CV 0, 1.22, 0 -> X, Z, X
    const history = [
      [100, 100, 100, 100],
      [10, 0, 30, 0],
      [5, 5, 5, 5],
    ];
    expect(abcxyz(history)).toEqual([["AX"], ["BZ"], ["CX"]]);
  });
});
