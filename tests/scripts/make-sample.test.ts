import * as fs from "fs";
import { MemoryWorkbook } from "../../src/workbook/memoryWorkbook";
import { buildSampleWorkbook, sampleData, SAMPLE_SHEETS } from "../../scripts/make-sample";
import { SEASONALITY_Z, stableSeasonalityZ } from "../../src/core/forecast/seasonality";
import { mulberry32 } from "../../src/core/random";

async function allValues(book: MemoryWorkbook): Promise<Record<string, unknown>> {
  return Object.fromEntries(book.sheetNames().map((name) => [name, book.sheetValues(name)]));
}

async function build(): Promise<MemoryWorkbook> {
  return MemoryWorkbook.fromXlsx(new Uint8Array(await buildSampleWorkbook().xlsx.writeBuffer()));
}

describe("sample workbook generator", () => {
  it("gives the same cell values on every run, equal to the committed assets/sample-sop.xlsx", async () => {
    const first = await allValues(await build());
    expect(await allValues(await build())).toEqual(first);
    const committed = await MemoryWorkbook.fromXlsx(fs.readFileSync("assets/sample-sop.xlsx"));
    expect(await allValues(committed)).toEqual(first);
  });

  it("draws the same numbers from the same seed and different ones from another", () => {
    const a = mulberry32(7);
    const b = mulberry32(7);
    const c = mulberry32(8);
    const drawsA = [a(), a(), a()];
    expect([b(), b(), b()]).toEqual(drawsA);
    expect([c(), c(), c()]).not.toEqual(drawsA);
    expect(drawsA.every((x) => x >= 0 && x < 1)).toBe(true);
  });

  it("holds 40 items in 4 families, 36 months, 3 resources, and the planted blanks", () => {
    const data = sampleData();
    expect(data.items).toHaveLength(40);
    expect(new Set(data.items.map((item) => item.family)).size).toBe(4);
    expect(data.periods).toHaveLength(36);
    expect(data.periods[0]).toBe("2023-01");
    expect(data.periods[35]).toBe("2025-12");
    expect(data.resources.map((resource) => resource.name)).toEqual(["Assembly", "Finishing", "Packing"]);
    expect(data.items.flatMap((item) => item.history).filter((value) => value === null)).toHaveLength(4);
    const intermittent = data.items.filter((item) => item.history.filter((value) => value === 0).length > 18);
    expect(intermittent.length).toBeGreaterThanOrEqual(3);
  });

  it("switches the families' season off with seasonality 0 and keeps every other draw", () => {
    const seasonal = sampleData(7, 10, 1);
    const flat = sampleData(7, 10, 0);
    expect(flat.items.map((item) => [item.id, item.price, item.leadTime])).toEqual(seasonal.items.map((item) => [item.id, item.price, item.leadTime]));
    const lighting = (data: ReturnType<typeof sampleData>): number[] => data.periods.map((_, t) => data.items.filter((item) => item.family === "Lighting").reduce((sum, item) => sum + Math.max(0, item.history[t] ?? 0), 0));
    expect(stableSeasonalityZ(lighting(seasonal), 12)).toBeGreaterThan(SEASONALITY_Z);
    expect(stableSeasonalityZ(lighting(flat), 12)).toBeLessThan(SEASONALITY_Z);
  });

  it("lays the data out as Excel tables a planner recognises", async () => {
    const book = await build();
    expect(book.sheetNames()).toEqual(["Read me", SAMPLE_SHEETS.items, SAMPLE_SHEETS.history, SAMPLE_SHEETS.resources, SAMPLE_SHEETS.capacity]);
    const tables = await book.listTables();
    expect(tables.map((table) => [table.name, table.address, table.rowCount])).toEqual([
      ["ItemMaster", "A1:M41", 40],
      ["SalesHistory", "A1:AK41", 40],
      ["ResourceList", "A1:G4", 3],
      ["CapacityPlan", "A1:Y4", 3],
    ]);
    expect(await book.listNames()).toEqual([{ name: "HistoryQuantities", address: "'Sales History'!B2:AK41" }]);
    const planted = sampleData().planted.find((problem) => problem.kind === "blank")!;
    expect(await book.read(planted.address)).toEqual([[null]]);
  });
});
