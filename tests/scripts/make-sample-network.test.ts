/**
 * The network sample (assets/sample-network.xlsx): the single-site sample's sales split over three
 * distribution centres, a second plant, and the planner's SOP Locations and SOP Lanes, planned by step 3
 * over the network with transfers from both plants.
 */
import * as fs from "fs";
import { buildSampleWorkbook, CENTRES, networkSampleData, sampleData, SAMPLE_SHEETS, SECOND_PLANT_RESOURCES } from "../../scripts/make-sample";
import { checkPlan } from "../../src/core/supply/checkPlan";
import { runDemandStep } from "../../src/cycle/demandStep";
import { runGatherStep } from "../../src/cycle/gatherStep";
import { SHEETS } from "../../src/cycle/sheets";
import { runSupplyStep } from "../../src/cycle/supplyStep";
import { MemoryWorkbook } from "../../src/workbook/memoryWorkbook";

async function build(): Promise<MemoryWorkbook> {
  return MemoryWorkbook.fromXlsx(new Uint8Array(await buildSampleWorkbook(networkSampleData()).xlsx.writeBuffer()));
}

describe("network sample workbook", () => {
  it("equals the committed assets/sample-network.xlsx and splits every item's monthly sales over the three centres without losing a unit", async () => {
    const book = await build();
    const committed = await MemoryWorkbook.fromXlsx(fs.readFileSync("assets/sample-network.xlsx"));
    for (const name of book.sheetNames()) expect(committed.sheetValues(name)).toEqual(book.sheetValues(name));
    const history = book.sheetValues(SAMPLE_SHEETS.history);
    expect(history[0].slice(0, 3)).toEqual(["Item ID", "Location", "2023-01"]);
    expect(history).toHaveLength(1 + 40 * CENTRES.length);
    const single = sampleData();
    single.items.forEach((item, i) => {
      const rows = history.slice(1 + i * 3, 4 + i * 3);
      expect(rows.map((row) => row[1])).toEqual(CENTRES);
      item.history.forEach((value, t) => {
        if (value === null) rows.forEach((row) => expect(row[2 + t]).toBeNull());
        else expect(rows.reduce((s, row) => s + (row[2 + t] as number), 0)).toBe(value);
      });
    });
    expect(book.sheetValues("SOP Locations").map((row) => row.slice(0, 2))).toEqual([
      ["Location", "Kind"],
      ["Plant Oslo", "plant"],
      ["Plant Tallinn", "plant"],
      ["DC North", "warehouse"],
      ["DC South", "warehouse"],
      ["DC West", "warehouse"],
    ]);
    expect(book.sheetValues("SOP Lanes")).toHaveLength(8);
  });

  it("is planned over the network by step 3: both plants make chairs, every centre is supplied, and the plan passes every check", async () => {
    const book = await build();
    await runGatherStep(book);
    await runDemandStep(book, { horizon: 6 });
    const supply = await runSupplyStep(book);
    expect(supply.model.locations?.map((l) => l.id)).toEqual(["Plant Oslo", "Plant Tallinn", ...CENTRES]);
    expect(supply.model.resources.filter((r) => r.location === "Plant Tallinn").map((r) => r.id)).toEqual(SECOND_PLANT_RESOURCES);
    expect(checkPlan(supply.model, supply.plan)).toEqual([]);
    // the plants sell nothing, so they owe nothing: they ship only what they have made or hold
    const plantBacklog = supply.plan.items.filter((_, i) => supply.model.items[i].location?.startsWith("Plant")).flatMap((p) => p.backlog);
    expect(Math.max(...plantBacklog)).toBe(0);
    const plan = await book.read(SHEETS.supplyPlan);
    const made = (plant: string) => plan.filter((row) => String(row[0]).startsWith("CH-") && row[2] === `Production at ${plant}`).reduce((s, row) => s + (row.slice(3) as number[]).reduce((a, b) => a + b, 0), 0);
    expect(made("Plant Oslo")).toBeGreaterThan(0);
    expect(made("Plant Tallinn")).toBeGreaterThan(0);
    const transfers = await book.read(SHEETS.transfers);
    for (const centre of CENTRES) expect(transfers.some((row) => row[1] === centre)).toBe(true);
    expect(supply.report.summary).toMatch(/Transfers: [\d,]+ units on 7 lanes/);
  }, 300_000);
});
