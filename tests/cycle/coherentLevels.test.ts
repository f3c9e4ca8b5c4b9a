import { reconcileForecasts, structureFromLevels } from "../../src/core/reconcile";
import { coherentLevels, type OwnForecast } from "../../src/cycle/coherentLevels";
import { runDemandStep } from "../../src/cycle/demandStep";
import { runGatherStep } from "../../src/cycle/gatherStep";
import { SHEETS } from "../../src/cycle/sheets";
import { twoLocationBook } from "./locationFixture";

describe("coherent levels of step 2", () => {
  test("by hand: without 2 periods of errors, a family trusted far more than its two items moves each item by half the gap", async () => {
    const series = [
      { item: "a", location: "", family: "F", history: [1, 2], forecast: [10], rmse: 1, errors: [NaN, 1] },
      { item: "b", location: "", family: "F", history: [3, 4], forecast: [20], rmse: 1, errors: [NaN, 1] },
    ];
    const asked: number[][][] = [];
    const own = async (histories: number[][]): Promise<OwnForecast[]> => {
      asked.push(histories);
      return histories.map(() => ({ forecast: [36], rmse: 1e-6, errors: [NaN, 1e-6] }));
    };
    const result = await coherentLevels(series, own);
    expect(result.weights).toBe("mint_diag");
    // Totals asked for: the grand total and family F, each from the summed history.
    expect(asked).toEqual([[[4, 6], [4, 6]]]);
    expect(result.bottom.map((row) => row[0])).toEqual([expect.closeTo(13, 6), expect.closeTo(23, 6)]);
    expect(result.levels.map((l) => `${l.level} ${l.name} ${l.own[0]} -> ${l.coherent[0].toFixed(3)}`)).toEqual(["total Total 36 -> 36.000", "family F 36 -> 36.000"]);
  });

  test("a period an item's own model forecast 0 stays 0 (a seasonal product's empty month); the family is its items' sum again", async () => {
    const series = [
      { item: "a", location: "", family: "F", history: [1, 2], forecast: [10, 0], rmse: 1, errors: [NaN, 1] },
      { item: "b", location: "", family: "F", history: [3, 4], forecast: [20, 20], rmse: 1, errors: [NaN, 1] },
    ];
    const own = async (histories: number[][]): Promise<OwnForecast[]> => histories.map(() => ({ forecast: [36, 26], rmse: 1e-6, errors: [NaN, 1e-6] }));
    const result = await coherentLevels(series, own);
    // period 1 as in the test above; period 2: b takes its half of the gap (26 - 20) / 2, a stays 0
    expect(result.bottom.map((row) => row[1])).toEqual([0, expect.closeTo(23, 6)]);
    expect(result.levels.map((l) => l.coherent[1])).toEqual([expect.closeTo(23, 6), expect.closeTo(23, 6)]);
  });

  test("with every series' errors, MinT with shrinkage weighs the levels, as reconcileForecasts' mint_shrink does for the same hierarchy", async () => {
    const errorsOf = (k: number): number[] => [1, -2, 0.5, 3, -1, 2].map((e, t) => e * (1 + k) + ((t * k) % 3) - 1);
    const series = ["a", "b", "c"].map((item, k) => ({ item, location: "", family: item === "c" ? "G" : "F", history: [5, 6, 7, 8, 9, 10], forecast: [10 + k, 12], rmse: 1, errors: errorsOf(k) }));
    const own = async (histories: number[][]): Promise<OwnForecast[]> => histories.map((_, k) => ({ forecast: [40 + k, 44], rmse: 2, errors: errorsOf(k + 5) }));
    const result = await coherentLevels(series, own);
    // Node order of structureFromLevels: Total, F, G, a, b, c.
    const structure = structureFromLevels(series.map((s) => ({ id: s.item, levels: { family: s.family } })), ["family"]);
    const reference = reconcileForecasts(
      structure,
      [[40, 44], [41, 44], [42, 44], ...series.map((s) => s.forecast)],
      { method: "mint_shrink", errors: [errorsOf(5), errorsOf(6), errorsOf(7), ...series.map((s) => s.errors)] },
    );
    expect(result.weights).toBe("mint_shrink");
    expect(result.lambda).toBeCloseTo(reference.lambda!, 12);
    result.bottom.forEach((row, j) => row.forEach((v, t) => expect(v).toBeCloseTo(Math.max(0, reference.bottom[j][t]), 9)));
    // The bottom forecasts moved (the totals' forecasts are far above the items' sum) and the levels add up.
    expect(result.bottom[0][0]).not.toBeCloseTo(10, 3);
    expect(result.levels[0].coherent[0]).toBeCloseTo(result.bottom.reduce((s, row) => s + row[0], 0), 9);
  });

  test("a new item without errors (RMSE NaN) keeps its own forecast; the rest reconcile as if its forecast were taken off every total", async () => {
    const errorsOf = (k: number): number[] => [1, -2, 0.5, 3, -1, 2].map((e, t) => e * (1 + k) + ((t * k) % 3) - 1);
    const established = ["a", "b", "c"].map((item, k) => ({ item, location: "", family: item === "c" ? "G" : "F", history: [5, 6, 7, 8, 9, 10], forecast: [10 + k, 12], rmse: 1, errors: errorsOf(k) }));
    const launched = { item: "n", location: "", family: "F", history: [0, 0, 0, 0, 0, 7], forecast: [7, 7], rmse: NaN, errors: new Array<number>(6).fill(NaN) };
    // Totals in node order: Total, F, G; the new item adds 7 a month to Total and F.
    const own = (held: number) => async (histories: number[][]): Promise<OwnForecast[]> =>
      histories.map((_, k) => ({ forecast: [40 + k - (k < 2 ? held : 0), 44 - (k < 2 ? held : 0)], rmse: 2, errors: errorsOf(k + 5) }));
    const result = await coherentLevels([...established, launched], own(0));
    const without = await coherentLevels(established, own(7));
    expect(result.bottom[3]).toEqual([7, 7]);
    result.bottom.slice(0, 3).forEach((row, j) => row.forEach((v, t) => expect(v).toBeCloseTo(without.bottom[j][t], 9)));
    expect(result.weights).toBe("mint_shrink");
    // Every level adds up, the new item included.
    expect(result.levels[1].coherent[0]).toBeCloseTo(result.bottom[0][0] + result.bottom[1][0] + 7, 9);
    expect(result.levels[0].coherent[0]).toBeCloseTo(result.bottom.reduce((sum, row) => sum + row[0], 0), 9);
  });

  test("more totals than MAX_COHERENT_TOTALS are refused before any total is forecast, saying the item forecasts are kept", async () => {
    const series = Array.from({ length: 1000 }, (_, k) => ["N", "S"].map((location) => ({ item: `i${k}`, location, family: "F", history: [1, 2], forecast: [1], rmse: 1, errors: [0, 1] }))).flat();
    let asked = false;
    const within = coherentLevels(series, async (histories) => {
      asked = true;
      return histories.map(() => ({ forecast: [1], rmse: 1, errors: [0, 1] }));
    });
    // Total, 1 family, 1,000 items over their locations and 2 locations: 1,004 totals, within the limit of 2,000.
    await expect(within).resolves.toBeDefined();
    expect(asked).toBe(true);
    asked = false;
    const more = Array.from({ length: 2000 }, (_, k) => ({ item: `i${k}`, location: k % 2 === 0 ? "N" : "S", family: "F", history: [1, 2], forecast: [1], rmse: 1, errors: [0, 1] }));
    await expect(coherentLevels([...more, ...more.map((s) => ({ ...s, location: s.location === "N" ? "S" : "N" }))], async () => {
      asked = true;
      return [];
    })).rejects.toThrow(/2,004 totals \(items over their locations among them\) and coherent forecasts reconcile at most 2,000: the item forecasts are kept/);
    expect(asked).toBe(false);
  });

  test("with locations, items over their locations and locations over their items are levels too, all summing exactly", async () => {
    const series = ["N", "S"].flatMap((location) =>
      ["a", "b"].map((item) => ({ item, location, family: "", history: [5, 5], forecast: [item === "a" ? 12 : 8], rmse: 2, errors: [1, -1] })),
    );
    const result = await coherentLevels(series, async (histories) => histories.map(() => ({ forecast: [50], rmse: 10, errors: [NaN, 3] })));
    expect(result.levels.map((l) => `${l.level}:${l.name}`)).toEqual(["total:Total", "family:(no family)", "item:a", "item:b", "location:N", "location:S"]);
    const bottom = result.bottom.map((row) => row[0]);
    const of = (name: string): number => result.levels.find((l) => l.name === name)!.coherent[0];
    expect(Math.abs(of("a") - (bottom[0] + bottom[2]))).toBeLessThan(1e-9);
    expect(Math.abs(of("N") - (bottom[0] + bottom[1]))).toBeLessThan(1e-9);
    expect(Math.abs(of("Total") - bottom.reduce((x, y) => x + y, 0))).toBeLessThan(1e-9);
  });

  test("step 2 with coherent levels: the consensus of each family is the sum of its items', and the report shows own and coherent totals", async () => {
    const book = await twoLocationBook();
    await runGatherStep(book);
    const demand = await runDemandStep(book, { horizon: 6, coherent: true });
    const table = demand.report.tables?.find((t) => t.title === "Coherent forecast by level (statistical, before overrides)");
    expect(table?.rows.map((row) => `${row[0]} ${row[1]}`)).toEqual([
      "total Total",
      "family Seating",
      "family Lighting",
      "item A-1",
      "item A-2",
      "item B-1",
      "location North",
      "location South",
    ]);
    const consensus = (await book.read(SHEETS.consensus)).slice(1);
    const seating = table!.rows[1].slice(4) as number[];
    seating.forEach((value, t) => {
      const items = consensus.filter((row) => row[2] === "Seating").reduce((s, row) => s + (row[3 + t] as number), 0);
      expect(Math.abs(items - value)).toBeLessThan(0.05);
    });
    expect(demand.report.messages?.some((m) => /Coherent levels: the total, 2 families, every item over its locations and every location were forecast/.test(m.text))).toBe(true);
    // the message's "the total moved X%" is the table's coherent total over its own, all months
    const [own, coherent] = [table!.rows[0][2] as number, table!.rows[0][3] as number];
    const moved = demand.report.messages?.map((m) => /the total moved (-?[\d.]+)% from its own model/.exec(m.text)?.[1]).find((found) => found !== undefined);
    expect(Number(moved)).toBeCloseTo(100 * (coherent / own - 1), 1);
  }, 60_000);

  test("after step 2 with a family override, SOP Consensus holds the family's number spread over its items at every location, and SOP Forecast the reconciled forecasts", async () => {
    const book = await twoLocationBook();
    await runGatherStep(book);
    const month = (await runDemandStep(book, { horizon: 3 })).periods[0];
    book.setCell(SHEETS.overrides, "A2", "sales");
    book.setCell(SHEETS.overrides, "B2", "Seating");
    book.setCell(SHEETS.overrides, "D2", month);
    book.setCell(SHEETS.overrides, "E2", 1000);
    book.setCell(SHEETS.overrides, "H2", "trade fair");
    const demand = await runDemandStep(book, { horizon: 3 });
    const forecast = (await book.read(SHEETS.forecast)).slice(1).filter((row) => row[8] === "Forecast");
    const consensus = (await book.read(SHEETS.consensus)).slice(1);
    const seating = consensus.filter((row) => row[2] === "Seating");
    expect(seating).toHaveLength(4);
    expect(seating.reduce((s, row) => s + (row[3] as number), 0)).toBeCloseTo(1000, 1);
    // Each Seating series takes its share of the family's forecast, as SOP Forecast holds it.
    const stat = (row: (typeof consensus)[number]): number => forecast.find((f) => f[0] === row[0] && f[1] === row[1])![9] as number;
    const family = seating.reduce((s, row) => s + stat(row), 0);
    seating.forEach((row) => expect(row[3] as number).toBeCloseTo((1000 * stat(row)) / family, 0));
    // Lighting is not overridden: its consensus is its (reconciled) forecast, and the months after are untouched.
    consensus.filter((row) => row[2] === "Lighting").forEach((row) => expect(row[3]).toBeCloseTo(stat(row), 1));
    // SOP Forecast holds the reconciled forecasts: the Seating family of the levels table is their sum.
    const table = demand.report.tables?.find((t) => t.title === "Coherent forecast by level (statistical, before overrides)");
    const seatingRow = table!.rows.find((row) => row[1] === "Seating")!;
    expect(family).toBeCloseTo(seatingRow[4] as number, 0);
  }, 60_000);

  test("a name that is neither an item, a family nor a location stops step 2 naming its row", async () => {
    const book = await twoLocationBook();
    await runGatherStep(book);
    const month = (await runDemandStep(book, { horizon: 3, coherent: false })).periods[0];
    book.setCell(SHEETS.overrides, "A2", "sales");
    book.setCell(SHEETS.overrides, "B2", "Seatng");
    book.setCell(SHEETS.overrides, "D2", month);
    book.setCell(SHEETS.overrides, "E2", 1000);
    book.setCell(SHEETS.overrides, "H2", "typo");
    await expect(runDemandStep(book, { horizon: 3, coherent: false })).rejects.toThrow(/Row 2 \(Seatng, 2026-01\): "Seatng" is neither an item, a family nor a location in the plan/);
  }, 60_000);
});
