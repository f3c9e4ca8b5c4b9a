import { clean, forecast, forecastModel, seasonality } from "../../src/functions/functions";
import { mulberry32 } from "../../src/core/random";
import { excelError } from "./excelErrors";

const column = (values: (number | string)[]): (number | string)[][] => values.map((v) => [v]);
const seasonal = Array.from({ length: 48 }, (_, t) => [100, 120, 150, 130][t % 4] + 0 * t);

describe("=SOP.FORECAST", () => {
  test("a constant history forecasts the constant, spilled as a column for a column", () => {
    const result = forecast(column(new Array(24).fill(50)), 6) as number[][];
    expect(result).toHaveLength(6);
    for (const [value] of result) expect(value).toBeCloseTo(50, 6);
  });

  test("a row history spills a row; with a level it spills forecast, lower and upper", () => {
    const history = [Array.from({ length: 30 }, (_, t) => 10 + 2 * t + (t % 2))];
    const result = forecast(history, 4, 1, "auto", 95) as number[][];
    expect(result).toHaveLength(3);
    expect(result[0]).toHaveLength(4);
    result[0].forEach((mean, t) => {
      expect(result[1][t]).toBeLessThan(mean);
      expect(result[2][t]).toBeGreaterThan(mean);
    });
    expect(result[0][0]).toBeGreaterThan(65);
  });

  test("seasonal naive repeats a pure season exactly", () => {
    const result = forecast(column(seasonal), 4, 4, "snaive") as number[][];
    expect(result.map((r) => r[0])).toEqual([100, 120, 150, 130]);
  });

  test("blanks inside the history are missing values, not zeros", () => {
    const withBlank = column(new Array(24).fill(50));
    withBlank[10] = [""];
    const result = forecast(withBlank, 3, 1) as number[][];
    for (const [value] of result) expect(value).toBeCloseTo(50, 6);
  });

  test("blank cells after the last number (months not recorded yet) are left out: the forecast starts right after it", () => {
    const history = column(Array.from({ length: 24 }, (_, t) => 100 + 5 * t));
    const drawnLonger = [...history, [null], [""], [null]];
    expect(forecast(drawnLonger, 3, 1, "drift")).toEqual(forecast(history, 3, 1, "drift"));
    expect((forecast(drawnLonger, 3, 1, "drift") as number[][]).map((r) => r[0])).toEqual([220, 225, 230]);
    expect(forecastModel(drawnLonger, 1, "drift")).toEqual(forecastModel(history, 1, "drift"));
  });

  test("forecasts are demand: a falling line stops at 0, and values are rounded to the cent as SOP Forecast holds them", () => {
    const falling = forecast(column(Array.from({ length: 24 }, (_, t) => 230 - 10 * t)), 6, 1, "drift") as number[][];
    expect(falling.map((r) => r[0])).toEqual([0, 0, 0, 0, 0, 0]);
    const thirds = forecast(column(new Array(24).fill(10 / 3)), 2, 1, "naive") as number[][];
    expect(thirds.map((r) => r[0])).toEqual([3.33, 3.33]);
  });

  test("a family season given as seasonal indices shapes a history that shows none of its own", () => {
    const random = mulberry32(7);
    const flat = column(Array.from({ length: 36 }, () => Math.round(100 + 10 * (random() - 0.5))));
    const result = forecast(flat, 4, 4, "auto", undefined, [[0.8, 1.2, 1.3, 0.7]]) as number[][];
    const [q1, q2, q3, q4] = result.map((r) => r[0]);
    expect(q3).toBeGreaterThan(1.5 * q4);
    expect(q2).toBeGreaterThan(1.3 * q1);
    expect(excelError(() => forecast(flat, 4, 12, "auto", undefined, [[0.8, 1.2, 1.3, 0.7]])).message).toMatch(/season length \(12\) differs from the family season's \(4\)/);
    expect(excelError(() => forecast(flat, 4, 4, "auto", undefined, [[0.8, 1.2, 0, 2]])).message).toMatch(/Seasonal index 3 of the family's season is 0/);
  });

  test("bad input gets a message a planner understands", () => {
    expect(excelError(() => forecast(column([1, 2, "n/a", 4]), 3)).message).toMatch(/"n\/a", not a number/);
    // #VALUE!, not #NUM!: Excel shows a function's message only on #VALUE! and #N/A.
    expect(excelError(() => forecast(column(new Array(24).fill(5)), 10000))).toEqual({ code: "#VALUE!", message: expect.stringMatching(/horizon must be a whole number from 1 to 120; you gave 10000/) });
    expect(excelError(() => forecast(column(new Array(24).fill(5)), 3, 12, "prophet")).message).toMatch(/prophet/);
    expect(excelError(() => forecast([[1, 2], [3, 4]], 3)).message).toMatch(/one row or one column/);
    expect(excelError(() => forecast(column([5]), 3, 1, "ets")).message).toMatch(/\d/);
  });
});

describe("=SOP.FORECAST.MODEL, =SOP.SEASONALITY, =SOP.CLEAN", () => {
  test("the model report names the model and its statistics", () => {
    const rows = forecastModel(column(seasonal), 4) as [string, unknown][];
    expect(rows[0][0]).toBe("Model");
    expect(rows.map((r) => r[0])).toEqual(expect.arrayContaining(["Season length", "Observations"]));
  });

  test("seasonality finds the season of a repeating pattern and none in a straight line", () => {
    expect(seasonality(column(Array.from({ length: 36 }, (_, t) => [10, 30, 50][t % 3] + t)))).toBe(3);
    expect(seasonality(column(Array.from({ length: 36 }, (_, t) => 5 + 2 * t)))).toBe(1);
  });

  test("clean fills a blank by interpolation and leaves the rest", () => {
    const result = clean(column([10, 12, "", 16, 18, 20, 22, 24]), "fill", 1) as number[][];
    expect(result.map((r) => r[0])).toEqual([10, 12, 14, 16, 18, 20, 22, 24]);
    expect(excelError(() => clean(column([1, 2, 3]), "median")).message).toMatch(/use one of all, fill, outliers/);
  });
});
