/**
 * The supply network through the cycle: a workbook with SOP Locations and SOP Lanes is planned by
 * location in step 3 (SOP Supply Plan by location, SOP Transfers), step 4 closes its busiest lane,
 * cuts its plant and moves demand between locations; a workbook without them plans as before.
 */
import { shownFillRate } from "../../src/core/supply";
import { runDemandStep } from "../../src/cycle/demandStep";
import { runMonitorStep } from "../../src/cycle/monitorStep";
import { roundCents, roundShare } from "../../src/cycle/ownedSheets";
import { planForApproval } from "../../src/cycle/presentStep";
import { runCycle } from "../../src/cycle/runCycle";
import { columnLetters } from "../../src/workbook/address";
import { runGatherStep } from "../../src/cycle/gatherStep";
import { TRANSFER_HEADERS } from "../../src/cycle/networkPlan";
import { runReconcileStep } from "../../src/cycle/reconcileStep";
import { approvalBasis } from "../../src/cycle/scenarioPlan";
import { SHEETS } from "../../src/cycle/sheets";
import { runSupplyStep } from "../../src/cycle/supplyStep";
import { checkPlan } from "../../src/core/supply/checkPlan";
import type { CellValue } from "../../src/workbook/workbook";
import type { MemoryWorkbook } from "../../src/workbook/memoryWorkbook";
import { NETWORK_LANES, NETWORK_LOCATIONS, PER_PLANT, twoLocationBook } from "./locationFixture";
import { unreadableNumbers } from "./sheetDisplay";

type Rows = (string | number | null)[][];

const LOCATIONS: Rows = NETWORK_LOCATIONS;
const LANES: Rows = NETWORK_LANES;

/** The two-location fixture (items sold at North and South) made at one plant, steps 1 and 2 run. */
async function networkBook(sheets: Record<string, Rows> = { "SOP Locations": LOCATIONS, "SOP Lanes": LANES }, itemRows?: Rows): Promise<MemoryWorkbook> {
  const book = await twoLocationBook([], sheets, itemRows);
  await runGatherStep(book);
  await runDemandStep(book, { horizon: 4 });
  return book;
}

/** One row of SOP Supply Plan, as numbers. */
function planRow(plan: CellValue[][], item: string, measure: string): number[] {
  const row = plan.find((r) => r[0] === item && r[2] === measure);
  if (row === undefined) throw new Error(`no row ${item} ${measure}`);
  return row.slice(3) as number[];
}

/** Units of an item shipped on a lane in each month, from SOP Transfers. */
function shippedOn(transfers: CellValue[][], periods: readonly CellValue[], from: string, to: string, item: string): number[] {
  return periods.map((month) => transfers.filter((r) => r[0] === from && r[1] === to && r[2] === item && r[3] === month).reduce((s, r) => s + (r[5] as number), 0));
}

describe("the supply network through the cycle", () => {
  let book: MemoryWorkbook;
  let supply: Awaited<ReturnType<typeof runSupplyStep>>;
  beforeAll(async () => {
    book = await networkBook();
    supply = await runSupplyStep(book);
  }, 120_000);

  test("step 3 plans every item at the plant and the two warehouses, and the plan passes every balance, lane and storage check", () => {
    expect(supply.model.items.map((item) => `${item.id}@${item.location ?? ""}`)).toEqual(["A-1@Plant", "A-1@North", "A-1@South", "A-2@Plant", "A-2@North", "A-2@South", "B-1@Plant", "B-1@North", "B-1@South"]);
    expect(supply.model.resources[0].location).toBe("Plant");
    expect(supply.model.lanes?.map((lane) => [lane.id, lane.transitPeriods, lane.capacity[0]])).toEqual([
      ["Plant->North", 1, 300],
      ["Plant->South", 0, Infinity],
      ["North->South", 1, Infinity],
    ]);
    expect(checkPlan(supply.model, supply.plan)).toEqual([]);
    // chase and level serve each warehouse from the plant too, and ship no more on time than the optimum
    expect(supply.strategies.map((line) => line.strategy)).toEqual(["chase", "level", "optimal"]);
    for (const line of supply.strategies) expect(line.fillRate).toBeLessThanOrEqual(supply.plan.service.fillRate + 1e-9);
    expect(supply.report.messages?.some((m) => /3 locations \(1 plant, 2 warehouses\) and 3 lanes\./.test(m.text))).toBe(true);
    const lanes = supply.report.tables?.find((table) => table.title === "Transfers by lane (whole horizon)");
    const units = (id: string) => supply.plan.lanes!.find((lane) => lane.laneId === id)!.total.reduce((a, b) => a + b, 0);
    expect(lanes?.rows.map((row) => row[0])).toEqual(["Plant->North", "Plant->South", "North->South"]);
    expect(lanes?.rows[0][1]).toBeCloseTo(units("Plant->North"), 2);
    const busiest = ["Plant->North", "Plant->South", "North->South"].sort((a, b) => units(b) - units(a))[0];
    expect(supply.report.summary).toMatch(new RegExp(`Transfers: [\\d,]+ units on 3 lanes for [\\d,]+ in transport; busiest ${busiest}, [\\d,]+ units`));
    expect(supply.report.messages?.some((m) => /summed over its locations/.test(m.text))).toBe(false);
  });

  test("SOP Supply Plan shows each item's totals followed by its rows at each location, and the totals add up", async () => {
    const plan = await book.read(SHEETS.supplyPlan);
    const measures = plan.filter((row) => row[0] === "A-1").map((row) => row[2]);
    expect(measures.slice(0, 9)).toEqual(["Demand", "Demand at North", "Demand at South", "Production", "Production at Plant", "Subcontract", "Subcontract at Plant", "Inventory", "Inventory at Plant"]);
    expect(measures).not.toContain("Demand at Plant");
    for (const item of ["A-1", "A-2", "B-1"]) {
      planRow(plan, item, "Inventory").forEach((total, t) =>
        expect(total).toBeCloseTo(["Plant", "North", "South"].reduce((s, l) => s + planRow(plan, item, `Inventory at ${l}`)[t], 0), 2),
      );
      planRow(plan, item, "Demand").forEach((total, t) => expect(total).toBeCloseTo(planRow(plan, item, "Demand at North")[t] + planRow(plan, item, "Demand at South")[t], 2));
    }
    // North holds at most its 400 units of storage at every month end
    planRow(plan, "A-1", "Inventory at North").forEach((_, t) => expect(["A-1", "A-2", "B-1"].reduce((s, item) => s + planRow(plan, item, "Inventory at North")[t], 0)).toBeLessThanOrEqual(400 + 0.05));
  });

  test("SOP Transfers lists every shipment, and stock at the plant and at South balances with what it lists", async () => {
    const plan = await book.read(SHEETS.supplyPlan);
    const transfers = await book.read(SHEETS.transfers);
    const periods = plan[0].slice(3);
    expect(transfers[0]).toEqual([...TRANSFER_HEADERS]);
    expect(transfers.length).toBeGreaterThan(1);
    for (const row of transfers.slice(1)) {
      const transit = row[0] === "Plant" && row[1] === "South" ? 0 : 1;
      expect(periods.indexOf(row[4]) === -1 ? "after the horizon" : periods.indexOf(row[4]) - periods.indexOf(row[3])).toEqual(periods.indexOf(row[4]) === -1 ? row[4] : transit);
      expect(row[5] as number).toBeGreaterThan(0);
    }
    // the plant sells nothing and owes nothing: what it makes and does not keep, it ships
    for (const item of ["A-1", "A-2", "B-1"]) expect(supply.plan.items[supply.model.items.findIndex((i) => i.id === item && i.location === "Plant")].backlog.every((b) => b === 0)).toBe(true);
    for (const item of ["A-1", "A-2", "B-1"]) {
      const inventory = planRow(plan, item, "Inventory at Plant");
      const made = planRow(plan, item, "Production at Plant");
      const out = periods.map((_, t) => shippedOn(transfers, periods, "Plant", "North", item)[t] + shippedOn(transfers, periods, "Plant", "South", item)[t]);
      inventory.forEach((v, t) => expect(v).toBeCloseTo((t === 0 ? 0 : inventory[t - 1]) + made[t] - out[t], 1));
    }
    // South: stock - backlog moves by what arrives (from the plant the same month, from North a month later) less demand served
    for (const item of ["A-1", "A-2", "B-1"]) {
      const [inventory, backlog, demand, lost] = ["Inventory", "Backlog", "Demand", "Lost"].map((m) => planRow(plan, item, `${m} at South`));
      const [fromPlant, fromNorth] = [shippedOn(transfers, periods, "Plant", "South", item), shippedOn(transfers, periods, "North", "South", item)];
      for (let t = 1; t < periods.length; t++) {
        const arrived = fromPlant[t] + fromNorth[t - 1];
        expect(inventory[t] - backlog[t]).toBeCloseTo(inventory[t - 1] - backlog[t - 1] + arrived - demand[t] + lost[t], 1);
      }
    }
    for (const sheet of [SHEETS.transfers, SHEETS.supplyPlan]) expect({ sheet, unreadable: unreadableNumbers(book, sheet) }).toEqual({ sheet, unreadable: [] });
    const cost = transfers.slice(1).reduce((s, r) => s + (r[6] as number), 0);
    expect(cost).toBeCloseTo(supply.plan.cost.transport ?? 0, 0);
  });

  test("step 4 closes the busiest lane, closes the plant and moves a fifth of the busiest location's demand, re-planned over the network", async () => {
    const result = await runReconcileStep(book, { demandChange: 0, capacityChange: 0, plantChange: -100 }, {}, supply);
    const names = result.comparison.scenarios.map((s) => s.name);
    expect(names).toEqual(["Lane Plant->North closed", "Plant closed", "20% of North demand to South"]);
    const of = (name: string) => result.comparison.scenarios.find((s) => s.name === name)!.summary!;
    const base = result.comparison.base;
    // nothing else reaches North: closing its lane loses its customers
    expect(of("Lane Plant->North closed").onTimeFillRate).toBeLessThan(base.onTimeFillRate - 0.1);
    // without the plant only the opening stock is sold
    expect(of("Plant closed").onTimeFillRate).toBeLessThan(base.onTimeFillRate - 0.3);
    expect(of("Plant closed").cost).toBeGreaterThan(base.cost);
    // South is served without transit: moving North's customers there serves them better
    expect(of("20% of North demand to South").onTimeFillRate).toBeGreaterThan(base.onTimeFillRate);
    const sheet = await book.read(SHEETS.scenarios);
    expect(sheet[0]).toContain("Lane Plant->North closed");

    const approved = await approvalBasis(book, "Lane Plant->North closed");
    const closedLane = approved.table.items.find((item) => item.id === "B-1")!.measures["Inventory at North"];
    expect(closedLane).toBeDefined();
    expect(approved.model.lanes?.find((lane) => lane.id === "Plant->North")?.capacity).toEqual([0, 0, 0, 0]);

    // steps 4 and 5 count service by location, as step 3 does: the same revenue at risk and fill rate
    expect(result.report.summary).toContain(`Revenue at risk ${roundCents(supply.plan.service.revenueAtRisk).toLocaleString("en-US")} over 4 months`);
    const { kpis, byLocation } = await planForApproval(book);
    const kpi = (label: string) => kpis.find((k) => k.label === label)!.value;
    expect(kpi("Fill rate %")).toBeCloseTo(roundShare(shownFillRate(supply.plan.service.fillRate)), 4);
    expect(kpi("Revenue at risk")).toBeCloseTo(supply.plan.service.revenueAtRisk, 0);
    // step 5 by location: each selling location's demand, and fill rates that average (by demand) to the plan's
    const plan = await book.read(SHEETS.supplyPlan);
    expect(byLocation.map((row) => row[0])).toEqual(["North", "South"]);
    for (const [location, demand] of byLocation) {
      expect(demand).toBeCloseTo(["A-1", "A-2", "B-1"].reduce((s, item) => s + planRow(plan, item, `Demand at ${String(location)}`).reduce((a, b) => a + b, 0), 0), 1);
    }
    const weighted = byLocation.reduce((s, row) => s + (row[1] as number) * (row[2] as number), 0) / byLocation.reduce((s, row) => s + (row[1] as number), 0);
    expect(weighted).toBeCloseTo(supply.plan.service.fillRate, 3);
  }, 120_000);

  test("step 6 monitors the approved network plan by item x location", async () => {
    const cycle = await networkBook();
    await runCycle(cycle, { demand: { horizon: 3 }, approver: "Dana", reconcile: { demandChange: 0, capacityChange: 0, plantChange: 0, moveShare: 0 } });
    const plan = await cycle.read("Plan 2026-01 v1");
    expect(plan.some((row) => row[0] === "A-1" && row[2] === "Production at Plant")).toBe(true);
    const summary = await cycle.read(SHEETS.summary);
    expect(summary.slice(0, 3).map((row) => row.slice(3, 6).map((cell) => (typeof cell === "number" ? "n" : cell)))).toEqual([
      ["Location", "Demand (units)", "Fill rate %"],
      ["North", "n", "n"],
      ["South", "n", "n"],
    ]);
    const planned = (item: string, location: string) => plan.find((row) => row[0] === item && row[2] === `Demand at ${location}`)![3] as number;
    const sales = cycle.sheetValues("Sales");
    const column = columnLetters(sales[0].length);
    cycle.setCell("Sales", `${column}1`, "2026-01");
    sales.slice(1).forEach((row, r) => cycle.setCell("Sales", `${column}${r + 2}`, Math.round(planned(String(row[0]), String(row[1])) * (row[1] === "North" ? 1.5 : 1))));
    // planning again after the approval keeps the approved production of the first month at the plant (the time fence)
    const again = await runSupplyStep(cycle, { settings: { frozenMonths: 1 } });
    expect(again.model.timeFence?.periods).toBe(1);
    expect(again.model.timeFence?.production).toEqual({
      "A-1@Plant": [planRow(plan, "A-1", "Production at Plant")[0]],
      "A-2@Plant": [planRow(plan, "A-2", "Production at Plant")[0]],
      "B-1@Plant": [planRow(plan, "B-1", "Production at Plant")[0]],
    });
    const result = await runMonitorStep(cycle);
    const row = (item: string, location: string) => result.items.find((entry) => entry.item === item && entry.location === location)!;
    expect(row("B-1", "North").actual[0]).toBe(Math.round(planned("B-1", "North") * 1.5));
    expect(row("All items", "South").planned[0]).toBeCloseTo(planned("A-1", "South") + planned("A-2", "South") + planned("B-1", "South"), 6);
    expect(result.items.some((entry) => entry.location === "Plant")).toBe(false);
  }, 180_000);
});

describe("reading the network from the workbook", () => {
  test("a workbook without SOP Locations plans each item's total at one site, as before, and writes no SOP Transfers", async () => {
    const book = await networkBook({});
    const supply = await runSupplyStep(book);
    expect(supply.model.locations).toBeUndefined();
    expect(supply.model.items.map((item) => item.id)).toEqual(["A-1", "A-2", "B-1"]);
    expect((await book.listSheets()).map((s) => s.name)).not.toContain(SHEETS.transfers);
    expect((await book.read(SHEETS.supplyPlan)).some((row) => String(row[2]).startsWith("Production at"))).toBe(false);
  }, 120_000);

  test.each([
    ["a lane to a location not listed", { "SOP Locations": LOCATIONS, "SOP Lanes": [LANES[0], ["Plant", "West", 1, 1, null]] }, /'SOP Lanes'!B2 names location "West", which SOP Locations does not list/],
    ["a kind that is neither plant nor warehouse", { "SOP Locations": [LOCATIONS[0], LOCATIONS[1], ["North", "shop", null, null], LOCATIONS[3]] }, /'SOP Locations'!B3 \(Kind\) must be plant or warehouse; it holds "shop"/],
    ["a negative storage capacity", { "SOP Locations": [LOCATIONS[0], LOCATIONS[1], ["North", "warehouse", -5, null], LOCATIONS[3]] }, /'SOP Locations'!C3 \(Storage capacity\) must be a number from 0/],
    ["demand at a location not listed", { "SOP Locations": LOCATIONS.slice(0, 3) }, /Item A-1 has demand at "South", which SOP Locations does not list/],
    ["a resource at a warehouse", { "SOP Locations": [LOCATIONS[0], ["Plant", "plant", null, null], ["North", "warehouse", null, "Assembly"], LOCATIONS[3]] }, /'SOP Locations'!D3 \(Resources\): North is a warehouse/],
    ["a transit time in part-months", { "SOP Locations": LOCATIONS, "SOP Lanes": [LANES[0], ["Plant", "North", 0.5, 1, null]] }, /'SOP Lanes'!C2 \(Transit months\) must be a whole number from 0/],
  ])("step 3 names the cell of %s", async (_, sheets, message) => {
    const book = await networkBook(sheets);
    await expect(runSupplyStep(book)).rejects.toThrow(message);
  }, 120_000);

  test("SOP Item Locations sets the opening stock and the production lead time of an item at a location", async () => {
    const book = await networkBook({
      "SOP Locations": LOCATIONS,
      "SOP Lanes": LANES,
      "SOP Item Locations": [
        ["Item", "Location", "Opening inventory", "Production lead time (months)"],
        ["A-1", "South", 500, null],
        ["B-1", "Plant", null, 1],
      ],
    });
    const supply = await runSupplyStep(book);
    const at = (id: string, location: string) => supply.model.items.find((item) => item.id === id && item.location === location)!;
    expect(at("A-1", "South").openingInventory).toBe(500);
    expect(at("B-1", "Plant").productionLeadTime).toBe(1);
    // nothing B-1 starts in the last month is in stock within the horizon, so it is not started
    expect(supply.plan.items[supply.model.items.indexOf(at("B-1", "Plant"))].production.at(-1)).toBeCloseTo(0, 6);
    expect(checkPlan(supply.model, supply.plan)).toEqual([]);
  }, 120_000);

  test("an item master kept per location gives each location's opening stock, safety stock and unit cost; SOP Item Locations still sets the stock", async () => {
    const book = await networkBook({ "SOP Locations": LOCATIONS, "SOP Lanes": LANES, "SOP Item Locations": [["Item", "Location", "Opening inventory"], ["A-1", "South", 70]] }, PER_PLANT);
    const supply = await runSupplyStep(book);
    const at = (id: string, location: string) => supply.model.items.find((item) => item.id === id && item.location === location)!;
    expect(["Plant", "North", "South"].map((l) => [at("A-1", l).openingInventory, at("A-1", l).safetyStock[0], at("A-1", l).unitCost])).toEqual([
      [60, 10, 20],
      [30, 15, 23],
      [70, 5, 23],
    ]);
    expect(at("A-1", "North").holdingCost).toBeCloseTo((at("A-1", "Plant").holdingCost * 23) / 20, 9);
    // A-2's stock is all at the plant; its safety stock, which the master does not give, is split by forecast error
    expect(["Plant", "North", "South"].map((l) => at("A-2", l).openingInventory)).toEqual([50, 0, 0]);
    expect(at("A-2", "North").safetyStock[0] + at("A-2", "South").safetyStock[0]).toBeGreaterThan(0);
    expect(checkPlan(supply.model, supply.plan)).toEqual([]);
  }, 120_000);

  test("the safety stock split by forecast error takes each location's own lead time from an item master kept per location: sqrt(L_l / L) of its share", async () => {
    const rows = (leadTimes: [number, number]): Rows => [
      ...PER_PLANT.filter((row) => row[0] !== "B-1"),
      ["B-1", "North", "Lamp", "Lighting", 8, 30, 0.1, 80, null, leadTimes[0]],
      ["B-1", "South", "Lamp", "Lighting", 8, 30, 0.1, 70, null, leadTimes[1]],
    ];
    const safety = async (leadTimes: [number, number]) => {
      const supply = await runSupplyStep(await networkBook(undefined, rows(leadTimes)));
      return ["North", "South"].map((l) => supply.model.items.find((item) => item.id === "B-1" && item.location === l)!.safetyStock[0]);
    };
    const [same, shorterNorth] = [await safety([4, 4]), await safety([1, 4])];
    expect(shorterNorth[1]).toBe(same[1]);
    expect(shorterNorth[0]).toBeCloseTo(same[0] / 2, -0.5);
    expect(same[0]).toBeGreaterThan(0);
  }, 120_000);

  test("an item master keeping an item at a location the network does not list is refused, naming the cell", async () => {
    const rows = PER_PLANT.map((row) => (row[1] === "South" ? [row[0], "East", ...row.slice(2)] : row));
    const book = await networkBook(undefined, rows);
    await expect(runSupplyStep(book)).rejects.toThrow('Items!B4: your item master keeps A-1 at "East", which SOP Locations does not list (known: Plant, North, South).');
  }, 120_000);
});
