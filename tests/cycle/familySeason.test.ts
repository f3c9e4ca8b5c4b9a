import ExcelJS from "exceljs";
import { runDemandStep } from "../../src/cycle/demandStep";
import type { DemandResult } from "../../src/cycle/demandStep";
import { runGatherStep } from "../../src/cycle/gatherStep";
import { SHEETS } from "../../src/cycle/sheets";
import { mulberry32 } from "../../src/core/random";
import type { MemoryWorkbook } from "../../src/workbook/memoryWorkbook";
import { load } from "./mappingFixtures";

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
    result = await runDemandStep(book, { horizon: 12 });
  });

  test("only the items without a season of their own in a seasonal family of 2 or more use the family season", () => {
    const marked = result.items.filter((item) => item.familySeason).map((item) => item.item);
    expect(marked).toEqual(["C-1", "C-2", "C-3"]);
    expect(result.items.find((item) => item.item === "C-5")?.model).toMatch(/^Weighted \(/);
  });

  test("SOP Forecast's Model column and the step's notes name the family-season items", async () => {
    const forecast = await book.read(SHEETS.forecast);
    const models = new Map(forecast.slice(1).map((row) => [row[0], String(row[2])]));
    for (const id of ["C-1", "C-2", "C-3"]) expect(models.get(id)).toMatch(/^Family season \(m=12\): Combination \(Median of /);
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

  test("live formulas: family-season items keep values and the step says why", async () => {
    const live = await runDemandStep(book, { horizon: 6, liveFormulas: true });
    const inputs = book.sheetInputs(SHEETS.forecast);
    const row = (id: string): number => inputs.findIndex((cells) => cells[0] === id);
    expect(inputs[row("L-1")][8]).toMatchObject({ formula: expect.stringMatching(/^=SOP\.FORECAST\('SOP Clean History'!C7:AL7,6,12,"auto",80\)$/) });
    const c1 = live.items.find((item) => item.item === "C-1");
    expect(inputs[row("C-1")].slice(8)).toEqual(c1?.forecast.map((v) => Math.round(v * 100) / 100));
    expect(inputs[row("C-1") + 1].slice(8)).toEqual(c1?.lower.map((v) => Math.round(v * 100) / 100));
    expect(live.report.messages?.[1].text).toMatch(/^These 3 items keep forecast values instead of live =SOP\.FORECAST formulas/);
  });
});
