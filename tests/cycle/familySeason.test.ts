import ExcelJS from "exceljs";
import { runDemandStep } from "../../src/cycle/demandStep";
import type { DemandResult } from "../../src/cycle/demandStep";
import { runGatherStep } from "../../src/cycle/gatherStep";
import { SHEETS } from "../../src/cycle/sheets";
import { mulberry32 } from "../../src/core/random";
import type { MemoryWorkbook } from "../../src/workbook/memoryWorkbook";
import { load } from "./mappingFixtures";
import { itemFamilySeasons, shownDemand } from "../../src/core/forecast";
import { forecast } from "../../src/functions/functions";
import { evaluateSopFormula, type RangeReader, type SopFunction } from "../../src/preview/formula";

/** =SOP.FORECAST as the preview calls it, with the parameters functions.json gives it. */
const FORECAST_FUNCTION = new Map<string, SopFunction>([
  [
    "FORECAST",
    {
      id: "FORECAST",
      invoke: forecast as (...args: unknown[]) => unknown,
      parameters: [
        { name: "history", type: "any", dimensionality: "matrix", optional: false },
        { name: "horizon", type: "number", dimensionality: "scalar", optional: false },
        { name: "seasonLength", type: "number", dimensionality: "scalar", optional: true },
        { name: "method", type: "string", dimensionality: "scalar", optional: true },
        { name: "level", type: "number", dimensionality: "scalar", optional: true },
        { name: "familySeason", type: "any", dimensionality: "matrix", optional: true },
      ],
    },
  ],
]);

/** Reads ranges of a workbook's sheets as the preview's formula engine does. */
function readBook(book: MemoryWorkbook): RangeReader {
  return (sheet, range) => {
    const cells = book.sheetValues(sheet ?? SHEETS.forecast);
    return Array.from({ length: range.bottom - range.top + 1 }, (_, i) =>
      Array.from({ length: range.right - range.left + 1 }, (_, j) => cells[range.top + i]?.[range.left + j] ?? null),
    );
  };
}

const MONTHS = Array.from({ length: 36 }, (_, t) => `${2023 + Math.floor(t / 12)}-${String((t % 12) + 1).padStart(2, "0")}`);
/** Peak in September, 30% amplitude. */
const SEASON = Array.from({ length: 12 }, (_, p) => 1 + 0.3 * Math.cos((2 * Math.PI * (p - 8)) / 12));

/**
 * Chairs: three noisy items with the family season (C-1..C-3), one with a December spike of its own
 * (C-4) and one intermittent (C-5); Lamps: three items without a season; Desks: one seasonal item alone.
 */
async function familyBook(): Promise<MemoryWorkbook> {
  const random = mulberry32(2024);
  const noisy = (level: number, season: readonly number[]): number[] => MONTHS.map((_, t) => Math.round(level * season[t % 12] * (1 + 0.3 * (random() - 0.5))));
  const flat = new Array<number>(12).fill(1);
  const items: [string, string, number[]][] = [
    ["C-1", "Chairs", noisy(120, SEASON)],
    ["C-2", "Chairs", noisy(200, SEASON)],
    ["C-3", "Chairs", noisy(90, SEASON)],
    ["C-4", "Chairs", MONTHS.map((_, t) => (t % 12 === 11 ? 300 : 100) + (t % 5))],
    ["C-5", "Chairs", MONTHS.map((_, t) => (t % 4 === 1 ? 6 + (t % 3) : 0))],
    ["L-1", "Lamps", noisy(80, flat)],
    ["L-2", "Lamps", noisy(150, flat)],
    ["L-3", "Lamps", noisy(60, flat)],
    ["D-1", "Desks", noisy(70, SEASON)],
  ];
  const book = new ExcelJS.Workbook();
  const master = book.addWorksheet("Items");
  master.addRow(["Item ID", "Family", "Price"]);
  items.forEach(([id, family]) => master.addRow([id, family, 50]));
  const history = book.addWorksheet("Sales History");
  history.addRow(["Item ID", ...MONTHS]);
  items.forEach(([id, , values]) => history.addRow([id, ...values]));
  return load(book);
}

describe("step 2 with family seasons", () => {
  let book: MemoryWorkbook;
  let result: DemandResult;

  beforeAll(async () => {
    book = await familyBook();
    await runGatherStep(book);
    result = await runDemandStep(book, { horizon: 12, coherent: false });
  });

  test("only the items without a season of their own in a seasonal family of 2 or more use the family season", () => {
    const marked = result.items.filter((item) => item.familySeason).map((item) => item.item);
    expect(marked).toEqual(["C-1", "C-2", "C-3"]);
    expect(result.items.find((item) => item.item === "C-5")?.model).toMatch(/^Weighted \(/);
  });

  test("SOP Forecast's Model column and the step's notes name the family-season items", async () => {
    const forecast = await book.read(SHEETS.forecast);
    const models = new Map(forecast.slice(1).map((row) => [row[0], String(row[2])]));
    for (const id of ["C-1", "C-2", "C-3"]) expect(models.get(id)).toMatch(/^Family season \(m=12\): (Weighted \()?Combination \(Median of /);
    for (const id of ["C-4", "C-5", "L-1", "L-2", "L-3", "D-1"]) expect(models.get(id)).not.toMatch(/family season/i);
    expect(result.report.summary).toMatch(/3 items use the season of their family/);
    expect(result.report.messages?.map((m) => m.text)).toEqual([expect.stringMatching(/^Family season: C-1, C-2, C-3 show no clear season on their own/)]);
  });

  test("a family-season item's forecast peaks in its family's peak month", () => {
    const periods = result.periods;
    for (const id of ["C-1", "C-2", "C-3"]) {
      const forecast = result.items.find((item) => item.item === id)?.forecast ?? [];
      expect(forecast[periods.indexOf("2026-09")]).toBeGreaterThan(1.3 * forecast[periods.indexOf("2026-03")]);
    }
  });

  test("live formulas give the pane's forecast, interval included, for an ordinary item and for family-season items, even after the clean history is re-ordered", async () => {
    const live = await runDemandStep(book, { horizon: 6, liveFormulas: true });
    const inputs = book.sheetInputs(SHEETS.forecast);
    const formulaOf = (id: string): string => {
      const cell = inputs.find((cells) => cells[0] === id)?.[8];
      if (typeof cell !== "object" || cell === null || !("formula" in cell)) throw new Error(`no formula for ${id}`);
      return cell.formula;
    };
    expect(formulaOf("L-1")).toBe(`=SOP.FORECAST(INDEX('SOP Clean History'!$C$2:$AL$10,MATCH("L-1",'SOP Clean History'!$A$2:$A$10,0),0),6,12,"auto",80)`);
    expect(formulaOf("C-1")).toMatch(/^=SOP\.FORECAST\(INDEX\(.*MATCH\("C-1",.*,0\),0\),6,12,"auto",80,\{0\.\d+(,[\d.]+){11}\}\)$/);
    const pane = (id: string): number[][] => {
      const item = live.items.find((candidate) => candidate.item === id);
      return item ? [shownDemand(item.forecast), shownDemand(item.lower), shownDemand(item.upper)] : [];
    };
    const ids = ["L-1", "C-1", "C-2", "C-4", "C-5", "D-1"];
    for (const id of ids) await expect(evaluateSopFormula(formulaOf(id), FORECAST_FUNCTION, readBook(book))).resolves.toEqual({ ok: true, values: pane(id) });
    const [header, ...rows] = book.sheetValues(SHEETS.cleanHistory);
    await book.writeBlocks([{ sheet: SHEETS.cleanHistory, topLeft: "A1", values: [header, ...rows.reverse()] }]);
    for (const id of ids) await expect(evaluateSopFormula(formulaOf(id), FORECAST_FUNCTION, readBook(book))).resolves.toEqual({ ok: true, values: pane(id) });
    expect(live.report.messages?.[1].text).toMatch(/^Their live =SOP\.FORECAST formulas carry the family's season as measured now/);
  });

  test("SOP Forecast, the pane and =SOP.FORECAST with the family's indices give one answer; without them the formula carries the item's own season", async () => {
    const values = await runDemandStep(book, { horizon: 12, coherent: false });
    const [, ...clean] = book.sheetValues(SHEETS.cleanHistory);
    const histories = clean.map((row) => row.slice(2) as number[]);
    const seasons = itemFamilySeasons(clean.map((row) => String(row[1])), histories, 12);
    const at = clean.findIndex((row) => row[0] === "C-1");
    const pane = shownDemand(values.items.find((item) => item.item === "C-1")?.forecast ?? []);
    const sheet = book.sheetValues(SHEETS.forecast).find((row) => row[0] === "C-1" && row[7] === "Forecast");
    expect(sheet?.slice(8)).toEqual(pane);
    expect(forecast([histories[at]], 12, 12, "auto", undefined, [seasons[at]?.indices ?? []])).toEqual([pane]);
    const own = (forecast([histories[at]], 12, 12, "auto") as number[][])[0];
    const septemberOverMarch = (series: number[]): number => series[values.periods.indexOf("2026-09")] / series[values.periods.indexOf("2026-03")];
    expect(septemberOverMarch(pane)).toBeGreaterThan(1.5);
    // Without the indices the item's own history carries the season (automatic mode's seasonal design:
    // seasonal ETS, seasonal ARIMA and Theta), to a different answer than the family's.
    expect(septemberOverMarch(own)).toBeGreaterThan(1.3);
    expect(Math.abs(septemberOverMarch(own) - septemberOverMarch(pane))).toBeGreaterThan(0.01);
  });
});
