/**
 * The inputs the fuzz of the built functions found answered badly (issue 17): each now gets finite values
 * or an error value with a message a planner can act on.
 */
import { accuracy, disaggregateTotal, financials, forecast, forecastModel, fva, gap, inventory, MAX_FORECAST_PERIODS, safetyStockLevel, supplyPlan } from "../../src/functions/functions";
import { SopFunctionError, storable } from "../../src/functions/excelError";
import { PlanningError } from "../../src/core/errors";
import { excelError, excelErrorAsync } from "./excelErrors";

const column = (values: (number | string)[]): (number | string)[][] => values.map((v) => [v]);
const months36 = Array.from({ length: 36 }, (_, t) => 100 + 20 * Math.sin((2 * Math.PI * t) / 12) + ((t * 37) % 11));

describe("=SOP.FORECAST.MODEL shows no NaN or Infinity", () => {
  test("statistics a model does not define are #N/A with a message, the others finite numbers", () => {
    for (const [history, seasonLength, method] of [
      [column(months36), null, null],
      [column([5, 7]), 1, "naive"],
    ] as const) {
      const rows = forecastModel(history, seasonLength as unknown as number, method as unknown as string) as [string, unknown][];
      const statistics = rows.filter(([label]) => ["Log-likelihood", "AIC", "AICc", "BIC"].includes(label));
      expect(statistics).toHaveLength(4);
      for (const [label, value] of rows) {
        if (typeof value === "number") expect(Number.isFinite(value)).toBe(true);
        else if (value instanceof SopFunctionError) expect(value).toMatchObject({ code: "#N/A", message: expect.stringMatching(new RegExp(`^${label.replace(/[()²]/g, ".")} is not defined here`)) });
      }
    }
    const twoPoints = forecastModel(column([5, 7]), 1, "naive") as [string, unknown][];
    expect(twoPoints.find(([label]) => label === "AICc")?.[1]).toBeInstanceOf(SopFunctionError);
  });
});

describe("numbers beyond what a plan holds are refused, never spilled as Infinity or NaN", () => {
  test.each([
    ["DISAGGREGATE", () => disaggregateTotal(1e308, column([1, 2, 3]))],
    ["DISAGGREGATE weights", () => disaggregateTotal(100, column([1, 1e308]))],
    ["FINANCIALS", () => financials(column([1e308, 10, 5]), [[2]], [[1]], 0.1)],
    ["SAFETYSTOCK", () => safetyStockLevel(column([12, 1e308, 163]), 2, 0.95)],
    ["FVA", () => fva(column([10, 1e308]), column([12, 18]), column([11, 19]), column([10, 21]))],
    ["INVENTORY", () => inventory(-1e308, column([1, 2]), column([1, 2]))],
  ])("%s", (_, call) => {
    expect(excelError(call)).toEqual({ code: "#VALUE!", message: expect.stringMatching(/beyond the ±1e15 the S&OP functions take: check the cell/) });
  });

  test("a tiny divisor gives a cell that says why, not Infinity", () => {
    const [[cell]] = gap(column([5e-324]), column([1e15]), "percent") as unknown[][];
    expect(cell).toMatchObject({ code: "#N/A", message: expect.stringMatching(/cannot be computed from the data given/) });
  });
});

describe("what a function gives back is what Excel can store", () => {
  test("an infinite single result is refused with a message; an array's becomes an #N/A cell, a missing cell a blank", () => {
    expect(() => storable(Number.POSITIVE_INFINITY)).toThrow(PlanningError);
    expect(() => storable([])).toThrow(/nothing to show/);
    const [first, second] = storable([[1, Number.NaN], [2]]) as unknown[][];
    expect(first[0]).toBe(1);
    expect(first[1]).toMatchObject({ code: "#N/A", message: expect.stringMatching(/cannot be computed from the data given/) });
    expect(second).toEqual([2, ""]);
  });
});

describe("=SOP.SAFETYSTOCK service level", () => {
  test.each([1.5, 0.3, 0.4999, 1, 100, 30])("%s is refused, naming the ranges a planner may use", (level) => {
    expect(excelError(() => safetyStockLevel(column([90, 110, 100, 100]), 1, level)).message).toBe(
      `serviceLevel must be a share from 0.5 to 0.9999 or a percent from 50 to 99.99 (0.95 or 95 for 95%); you gave ${level}.`,
    );
  });

  test("a share and the same percent give the same stock", () => {
    expect(safetyStockLevel(column([90, 110, 100, 100]), 1, 95)).toBeCloseTo(safetyStockLevel(column([90, 110, 100, 100]), 1, 0.95), 10);
    expect(safetyStockLevel(column([90, 110, 100, 100]), 1, 0.95)).toBeCloseTo(13.4, 1);
  });
});

describe("a number or TRUE where a word, a range or a number is expected", () => {
  test("an option word given as a number names the options", () => {
    expect(excelError(() => gap(column([1, 2]), column([1, 2]), 5 as unknown as string)).message).toBe("mode 5 is not known: use one of units, percent, cumulative, revenue.");
    expect(excelError(() => forecast(column(months36), 3, 12, 7 as unknown as string)).message).toBe("method is 7, not a word: type the option's name, e.g. in quotes.");
    expect(excelError(() => accuracy(column([1, 2]), column([1, 2]), true as unknown as string)).message).toMatch(/^metric true is not known: use one of smape/);
  });

  test("a single value where a range is expected is read as one cell; text where a number is expected is named", () => {
    expect(gap(5 as unknown as unknown[][], 7 as unknown as unknown[][])).toEqual([[2]]);
    expect(excelError(() => inventory("abc" as unknown as number, column([1]), column([1]))).message).toBe('opening is "abc", not a number: enter a number there.');
    expect(excelError(() => gap([[1, 2], [3]], column([1, 2]))).message).toBe("demand has rows of different lengths: select a rectangular range.");
    expect(excelError(() => inventory([[1, 2]] as unknown as number, column([1]), column([1]))).message).toBe("opening must be one cell, but the range has 2 cells.");
    expect(inventory([[10]] as unknown as number, column([5]), column([8]))).toEqual([[7]]);
  });
});

describe("a call too large to answer quickly is refused with its limit", () => {
  test("=SOP.FORECAST over 1,000 periods", () => {
    const long = column(Array.from({ length: 100_000 }, (_, t) => 100 + (t % 12)));
    expect(excelError(() => forecast(long, 12)).message).toBe(
      `history has 100000 cells, more than the ${MAX_FORECAST_PERIODS} one call of this function takes: use the S&OP task pane for data this large.`,
    );
  });

  test("any range over 100,000 cells", () => {
    const long = column(new Array(100_001).fill(1));
    expect(excelError(() => gap(long, long)).message).toBe("demand has 100001 cells, more than the 100000 one call of this function takes: use the S&OP task pane for data this large.");
  });

  test("a seasonal ARIMA names the periods its season length allows", () => {
    const weeks = column(Array.from({ length: 300 }, (_, t) => 100 + (t % 52)));
    expect(excelError(() => forecast(weeks, 4, 52, "arima")).message).toMatch(/^A seasonal ARIMA of season length 52 takes at most 230 periods in one call/);
  });

  test("=SOP.SUPPLYPLAN over 1,000 periods", async () => {
    const long = column(new Array(1_001).fill(10));
    expect((await excelErrorAsync(() => supplyPlan(long, long, column([1, 2, 3, 0.1, 5, 9])))).message).toMatch(/^demand has 1001 cells, more than the 1000/);
  });
});
