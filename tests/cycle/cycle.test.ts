import * as fs from "fs";
import * as path from "path";
import { DEFAULT_MIP_GAP } from "../../src/core/supply/model";
import { readAuditLog, verifyApproval } from "../../src/cycle/approval";
import { runDemandStep } from "../../src/cycle/demandStep";
import { runGatherStep } from "../../src/cycle/gatherStep";
import { readPlanSheet } from "../../src/cycle/planSheet";
import { runPresentStep } from "../../src/cycle/presentStep";
import { CENTS_FORMAT, PERCENT_FORMAT, roundShare, WHOLE_FORMAT } from "../../src/cycle/ownedSheets";
import { runCycle, type CycleResult } from "../../src/cycle/runCycle";
import { SHEETS } from "../../src/cycle/sheets";
import type { ResultTable } from "../../src/cycle/stepTypes";
import { runSupplyStep } from "../../src/cycle/supplyStep";
import { MemoryWorkbook } from "../../src/workbook/memoryWorkbook";
import { formatNumber } from "../../src/workbook/numberFormat";
import { sampleData } from "../../scripts/make-sample";
import type { CellValue } from "../../src/workbook/workbook";
import { numberFormatAt } from "../../src/workbook/writePolicy";
import { shownNumbers, unreadableNumbers } from "./sheetDisplay";

const sample = fs.readFileSync(path.join(__dirname, "..", "..", "assets", "sample-sop.xlsx"));
const plannerSheets = ["Read me", "Items", "Sales History", "Resources", "Capacity"];

async function openSample(): Promise<MemoryWorkbook> {
  return MemoryWorkbook.fromXlsx(sample);
}

describe("the S&OP cycle on the sample workbook", () => {
  let book: MemoryWorkbook;
  let before: Record<string, unknown>;
  let cycle: CycleResult;

  beforeAll(async () => {
    book = await openSample();
    before = Object.fromEntries(plannerSheets.map((name) => [name, book.sheetValues(name)]));
    cycle = await runCycle(book, { demand: { horizon: 12 }, approver: "Dana Planner", comment: "Agreed" });
  }, 300_000);

  test("writes every planning sheet and leaves the planner's own sheets exactly as they were", async () => {
    const names = (await book.listSheets()).map((s) => s.name);
    for (const sheet of [SHEETS.validation, SHEETS.cleanHistory, SHEETS.changeLog, SHEETS.overrides, SHEETS.forecast, SHEETS.consensus, SHEETS.supplyPlan, SHEETS.capacity, SHEETS.strategies, SHEETS.reconcile, SHEETS.scenarios, SHEETS.summary, SHEETS.auditLog, "Plan 2026-01 v1"]) {
      expect(names).toContain(sheet);
    }
    for (const name of plannerSheets) expect(book.sheetValues(name)).toEqual(before[name]);
  });

  test("step 1 reports the planted problems and cleans a copy: no blanks, no negatives", async () => {
    const validation = await book.read(SHEETS.validation);
    const kinds = new Set(validation.slice(1).map((row) => row[1]));
    expect([...kinds]).toEqual(expect.arrayContaining(["blank", "negative", "outlier"]));
    const clean = await book.read(SHEETS.cleanHistory);
    expect(clean).toHaveLength(41);
    for (const row of clean.slice(1)) for (const cell of row.slice(2)) expect(typeof cell === "number" && cell >= 0).toBe(true);
    const log = await book.read(SHEETS.changeLog);
    expect(log.slice(1).some((row) => row[2] === "missing")).toBe(true);
  });

  test("step 1 corrects the planted outliers alone, each to near the value it replaced (spoiled as 4 x value + 200)", async () => {
    const log = await book.read(SHEETS.changeLog);
    const corrected = log.slice(1).filter((row) => row[2] === "outlier");
    const planted = sampleData().planted.filter((problem) => problem.kind === "outlier");
    expect(corrected.map((row) => [row[0], row[1]])).toEqual(planted.map((problem) => [problem.item, problem.period]));
    for (const [, , , from, to] of corrected) {
      const original = ((from as number) - 200) / 4;
      expect(Math.abs((to as number) - original) / original).toBeLessThan(0.35);
    }
  });

  test("step 2 forecasts every item for the horizon with an interval around it", async () => {
    const forecast = await book.read(SHEETS.forecast);
    expect(forecast[0].slice(8)).toEqual(["2026-01", "2026-02", "2026-03", "2026-04", "2026-05", "2026-06", "2026-07", "2026-08", "2026-09", "2026-10", "2026-11", "2026-12"]);
    expect(forecast).toHaveLength(1 + 40 * 3);
    for (let r = 1; r < forecast.length; r += 3) {
      const [mean, lower, upper] = [forecast[r], forecast[r + 1], forecast[r + 2]].map((row) => row.slice(8) as number[]);
      mean.forEach((m, t) => {
        expect(lower[t]).toBeLessThanOrEqual(m + 0.01);
        expect(upper[t]).toBeGreaterThanOrEqual(m - 0.01);
      });
    }
    expect((await book.read(SHEETS.consensus))).toHaveLength(41);
  });

  test("step 3's plan satisfies every inventory balance and never exceeds regular plus overtime hours", async () => {
    const plan = await readPlanSheet(book);
    for (const item of plan.items) {
      const m = item.measures;
      let position = 0;
      m.Demand.forEach((demand, t) => {
        const previous = t === 0 ? null : m.Inventory[t - 1] - m.Backlog[t - 1];
        const net = m.Inventory[t] - m.Backlog[t];
        if (previous !== null) expect(net).toBeCloseTo(previous + m.Production[t] + m.Subcontract[t] - demand + m.Lost[t], 0);
        position = net;
      });
      expect(Number.isFinite(position)).toBe(true);
    }
    const capacity = await book.read(SHEETS.capacity);
    const rowsOf = (resource: unknown, measure: string) => capacity.find((row) => row[0] === resource && row[1] === measure)!.slice(2) as number[];
    for (const resource of ["Assembly", "Finishing", "Packing"]) {
      const used = rowsOf(resource, "Hours used");
      const limit = rowsOf(resource, "Regular hours").map((h, t) => h + rowsOf(resource, "Overtime hours")[t]);
      used.forEach((u, t) => expect(u).toBeLessThanOrEqual(limit[t] + 0.01));
    }
    const strategies = await book.read(SHEETS.strategies);
    const cost = (name: string) => strategies.find((row) => row[0] === name)![1] as number;
    // The optimiser stops within its MIP gap of the best whole-unit plan, so a rule may come out cheaper by less than that.
    expect(cost("optimal")).toBeLessThanOrEqual(cost("chase") * (1 + DEFAULT_MIP_GAP));
    expect(cost("optimal")).toBeLessThanOrEqual(cost("level") * (1 + DEFAULT_MIP_GAP));
  });

  test("every sheet the cycle writes shows every number as a planner reads it in Excel: in the planning formats, no bare decimal point, no float noise", async () => {
    const written = (await book.listSheets()).filter((sheet) => sheet.ownedByAddin).map((sheet) => sheet.name);
    // SOP Transfers: only a workbook with a network (tests/cycle/networkCycle.test.ts)
    const notByTheCycle: string[] = [SHEETS.monitor, SHEETS.cycleHistory, SHEETS.orderHistory, SHEETS.serviceLevels, SHEETS.planDiff, SHEETS.transfers];
    expect([...written].sort()).toEqual([...Object.values(SHEETS).filter((sheet) => !notByTheCycle.includes(sheet)), "Plan 2026-01 v1"].sort());
    for (const sheet of written) expect({ sheet, unreadable: unreadableNumbers(book, sheet) }).toEqual({ sheet, unreadable: [] });
    expect(written.filter((sheet) => shownNumbers(book, sheet).length === 0).sort()).toEqual([SHEETS.overrides, SHEETS.validation].sort());
    const plan = book.sheetValues(SHEETS.supplyPlan);
    const planFormats = book.sheetNumberFormats(SHEETS.supplyPlan);
    const wholeAt = plan.flatMap((row, r) => row.map((cell, c) => [cell, r, c] as const)).find(([cell]) => typeof cell === "number" && cell > 0 && Number.isInteger(cell));
    expect(wholeAt).toBeDefined();
    const [whole, r, c] = wholeAt!;
    expect(formatNumber(whole as number, planFormats[r][c])).toBe(`${(whole as number).toLocaleString("en-US")}.00`);
    const shownGrid = (sheet: string) => shownNumbers(book, sheet).map(({ address, shown }) => [address, shown]);
    expect(shownGrid("Plan 2026-01 v1")).toEqual(shownGrid(SHEETS.supplyPlan));
  });

  test("SOP Reconcile shows units and hours as SOP Supply Plan and SOP Capacity do, and money as SOP Scenarios does", () => {
    const formats = book.sheetNumberFormats(SHEETS.reconcile);
    const formatsOf = new Map<string, Set<string | undefined>>();
    book.sheetValues(SHEETS.reconcile).forEach((row, r) =>
      row.forEach((cell, c) => {
        if (typeof cell !== "number") return;
        const label = String(row[1] || row[0]); // the money view leaves the Measure column blank
        formatsOf.set(label, (formatsOf.get(label) ?? new Set()).add(formats[r][c]));
      }),
    );
    expect(Object.fromEntries([...formatsOf].map(([label, used]) => [label, [...used]]))).toEqual({
      "Opening stock": [CENTS_FORMAT],
      Demand: [CENTS_FORMAT],
      Supply: [CENTS_FORMAT],
      Gap: [CENTS_FORMAT],
      "Revenue at risk": [WHOLE_FORMAT],
      "Capacity (h)": [CENTS_FORMAT],
      "Load of demand (h)": [CENTS_FORMAT],
      "Gap (h)": [CENTS_FORMAT],
      Revenue: [WHOLE_FORMAT],
      "Cost of goods": [WHOLE_FORMAT],
      "Gross margin": [WHOLE_FORMAT],
      "Inventory value": [WHOLE_FORMAT],
      "Holding cost": [WHOLE_FORMAT],
    });
    const gapTable = cycle.reports.flatMap(({ report }) => report.tables ?? []).find((table) => table.title.startsWith("Gap by family"))!;
    expect(gapTable.numberFormats).toEqual(["@", CENTS_FORMAT, CENTS_FORMAT, CENTS_FORMAT, WHOLE_FORMAT, PERCENT_FORMAT]);
  });

  test("every percentage on the planning sheets is a share of 1 under the one percent format, and only percentages are", () => {
    const column = (sheet: string, name: string) => book.sheetValues(sheet)[0].indexOf(name);
    const [accuracy, fillRate] = [column(SHEETS.forecast, "Holdout accuracy %"), column(SHEETS.strategies, "Fill rate %")];
    const isPercent: Record<string, (row: CellValue[], c: number) => boolean> = {
      [SHEETS.forecast]: (_, c) => c === accuracy,
      [SHEETS.capacity]: (row, c) => row[1] === "Utilisation %" && c >= 2,
      [SHEETS.strategies]: (row, c) => ["chase", "level", "optimal"].includes(String(row[0])) && c === fillRate,
      [SHEETS.scenarios]: (row, c) => String(row[0]).endsWith("(%)") && c >= 1,
      [SHEETS.summary]: (row, c) => row[0] === "Fill rate %" && c === 1,
    };
    for (const [sheet, expected] of Object.entries(isPercent)) {
      const formats = book.sheetNumberFormats(sheet);
      const cells = book.sheetValues(sheet).flatMap((row, r) => row.flatMap((value, c) => (typeof value === "number" ? [{ value, format: formats[r][c], percent: expected(row, c) }] : [])));
      const percentages = cells.filter((cell) => cell.percent);
      expect({ sheet, percentages: percentages.length > 0 }).toEqual({ sheet, percentages: true });
      expect({ sheet, formats: [...new Set(percentages.map((cell) => cell.format))] }).toEqual({ sheet, formats: [PERCENT_FORMAT] });
      expect({ sheet, otherPercentFormats: cells.filter((cell) => !cell.percent && cell.format === PERCENT_FORMAT).length }).toEqual({ sheet, otherPercentFormats: 0 });
      expect({ sheet, notShares: percentages.filter((cell) => Math.abs(cell.value) > 2).map((cell) => cell.value) }).toEqual({ sheet, notShares: [] });
    }
    const capacity = book.sheetValues(SHEETS.capacity);
    const measure = (name: string) => capacity.find((row) => row[0] === "Assembly" && row[1] === name)!.slice(2) as number[];
    const regular = measure("Regular hours");
    expect(measure("Utilisation %")).toEqual(measure("Hours used").map((used, t) => roundShare(used / regular[t])));
    const summaryFillRate = book.sheetValues(SHEETS.summary).find((row) => row[0] === "Fill rate %")![1] as number;
    expect(formatNumber(summaryFillRate, PERCENT_FORMAT)).toMatch(/^\d{2,3}\.\d%$/);
    expect(cycle.present.kpis.find((k) => k.label === "Fill rate %")).toEqual({ label: "Fill rate %", value: summaryFillRate, format: PERCENT_FORMAT });
  });

  test("step 3 warns of exactly the months SOP Capacity shows above 100% of regular hours, as the sheet shows them", () => {
    const capacity = book.sheetValues(SHEETS.capacity);
    const overloads = capacity
      .filter((row) => row[1] === "Utilisation %")
      .flatMap((row) => row.slice(2).flatMap((u, t) => ((u as number) > 1 ? [`${row[0]} is loaded to ${formatNumber(u as number, PERCENT_FORMAT)} of regular hours in ${capacity[0][t + 2]}.`] : [])));
    expect(overloads.length).toBeGreaterThan(0);
    const supply = cycle.reports.find(({ step }) => step.startsWith("3"))!.report;
    expect(supply.summary).toMatch(new RegExp(`with a fill rate of \\d+\\.\\d% \\(backlog [\\d,]+ unit-months, revenue at risk [\\d,]+\\); ${overloads.length} resource-months`));
    expect(supply.messages?.filter((m) => m.level === "warning").map((m) => m.text)).toEqual(overloads.slice(0, 20));
    expect(supply.messages?.filter((m) => m.level === "info").map((m) => m.text)).toEqual(
      expect.arrayContaining([expect.stringMatching(/ends the horizon with at least its safety stock/), expect.stringMatching(/^40 of 40 items are counted in pieces and planned in whole units/)]),
    );
  });

  test("the pane's tables show percentages as the sheets do: shares of 1 under the percent format", () => {
    const tables = new Map(cycle.reports.flatMap(({ report }) => report.tables ?? []).map((table) => [table.title, table]));
    const column = (title: string, name: string) => (_: ResultTable["rows"][number], c: number) => c === tables.get(title)!.headers.indexOf(name);
    const isPercent: Record<string, (row: ResultTable["rows"][number], c: number) => boolean> = {
      Items: column("Items", "Holdout accuracy %"),
      Strategies: column("Strategies", "Fill rate %"),
      "Capacity use % (regular hours)": (_, c) => c >= 1,
      "Gap by family (units, whole horizon)": column("Gap by family (units, whole horizon)", "Fill rate %"),
      Scenarios: (row, c) => String(row[0]).endsWith("(%)") && c >= 1,
      "Executive summary": (row, c) => row[0] === "Fill rate %" && c === 1,
    };
    for (const [title, expected] of Object.entries(isPercent)) {
      const table = tables.get(title)!;
      const cells = table.rows.flatMap((row, r) => row.flatMap((value, c) => (typeof value === "number" ? [{ value, format: numberFormatAt(table, r, c), percent: expected(row, c) }] : [])));
      expect({ title, percentages: cells.filter((cell) => cell.percent).length > 0 }).toEqual({ title, percentages: true });
      expect({ title, wrong: cells.filter((cell) => cell.percent !== (cell.format === PERCENT_FORMAT) || (cell.percent && Math.abs(cell.value) > 2)) }).toEqual({ title, wrong: [] });
    }
  });

  test("the pane's tables show numbers as written to the sheets: cents (percent shares to 0.01%), no floating-point tails", () => {
    const tails = cycle.reports.flatMap(({ report }) =>
      (report.tables ?? []).flatMap((table) =>
        table.rows.flatMap((row, r) =>
          row.flatMap((value, c) => {
            if (typeof value !== "number") return [];
            const scale = numberFormatAt(table, r, c) === PERCENT_FORMAT ? 10_000 : 100;
            return value !== Math.round(value * scale) / scale ? [`${table.title} [${r}, ${c}]: ${value}`] : [];
          }),
        ),
      ),
    );
    expect(tails).toEqual([]);
  });

  test("step 5 approved the plan into a protected sheet whose hash still matches after save and reload", async () => {
    const reopened = await MemoryWorkbook.fromXlsx(await book.toXlsx());
    const [entry] = await readAuditLog(reopened);
    expect(entry).toMatchObject({ cycle: "2026-01", version: 1, who: "Dana Planner", decision: "approved", sheet: "Plan 2026-01 v1" });
    expect(await verifyApproval(reopened, entry)).toBe(true);
    expect((await reopened.listSheets()).find((s) => s.name === "Plan 2026-01 v1")?.protected).toBe(true);
    expect(reopened.charts().map((c) => `${c.sheet}: ${c.title}`)).toEqual([
      "SOP Summary: Demand and supply per month",
      "SOP Summary: Inventory at month end",
      "SOP Summary: Capacity use per month (hours)",
      "SOP Summary: Scenarios compared (money)",
    ]);
  });

  test("a second approval makes version 2 and keeps version 1", async () => {
    const v1 = await book.read("Plan 2026-01 v1");
    const second = await runPresentStep(book, { decision: "approve", approver: "Sam COO", comment: "re-approved" });
    expect(second.audit?.sheet).toBe("Plan 2026-01 v2");
    expect(await book.read("Plan 2026-01 v1")).toEqual(v1);
    const log = await readAuditLog(book);
    expect(log.map((e) => e.version)).toEqual([1, 2]);
    for (const entry of log) expect(await verifyApproval(book, entry)).toBe(true);
  });
});

describe("steps on their own", () => {
  test("a step run before the one it needs says which step to run first", async () => {
    const book = await openSample();
    await expect(runDemandStep(book, { horizon: 6 })).rejects.toThrow(/run step 1/);
    await runGatherStep(book);
    await expect(runSupplyStep(book)).rejects.toThrow(/run step 2/);
  });

  test("overrides typed into SOP Overrides by role shape the consensus; the last word goes to finance over sales", async () => {
    const book = await openSample();
    await runGatherStep(book);
    const first = await runDemandStep(book, { horizon: 3 });
    const ch101 = first.items.find((item) => item.item === "CH-101")!;
    await book.writeBlocks([
      {
        sheet: SHEETS.overrides,
        topLeft: "A2",
        values: [
          ["Sales", "CH-101", "2026-02", 500, null, null, "Trade fair order"],
          ["Finance", "CH-101", "2026-02", null, -100, null, "Credit limit of the customer"],
          ["Marketing", "CH-102", "2026-01", null, null, 10, "Promotion"],
        ],
      },
    ]);
    const second = await runDemandStep(book, { horizon: 3 });
    const consensus = await book.read(SHEETS.consensus);
    const row = (id: string) => consensus.find((r) => r[0] === id)!.slice(2) as number[];
    expect(row("CH-101")[1]).toBeCloseTo(400, 2);
    expect(row("CH-101")[0]).toBeCloseTo(Math.round(ch101.forecast[0] * 100) / 100, 2);
    const ch102 = second.items.find((item) => item.item === "CH-102")!;
    expect(row("CH-102")[0]).toBeCloseTo(Math.round(ch102.forecast[0] * 1.1 * 100) / 100, 1);
  });

  test("a month with no regular hours on a resource the plan uses: step 3 says so in hours, as SOP Capacity shows them", async () => {
    const book = await openSample();
    book.setCell("Capacity", "B4", 0); // Packing, 2026-01: the plant is shut, overtime only
    await runGatherStep(book);
    await runDemandStep(book, { horizon: 3 });
    const supply = await runSupplyStep(book);
    const capacity = book.sheetValues(SHEETS.capacity);
    const packing = (measure: string) => capacity.find((row) => row[0] === "Packing" && row[1] === measure)![2];
    expect([capacity[0][2], packing("Regular hours"), packing("Utilisation %")]).toEqual(["2026-01", 0, null]);
    const used = packing("Hours used") as number;
    expect(used).toBeGreaterThan(0);
    const texts = supply.report.messages!.map((m) => m.text);
    expect(texts).toContain(`Packing has no regular hours in 2026-01 but is planned for ${formatNumber(used, book.sheetNumberFormats(SHEETS.capacity)[3][2])} hours.`);
    expect(texts.filter((text) => /#NUM!|Infinity|NaN/.test(text))).toEqual([]);
  });

  test("an override for an unknown period is refused with the row named", async () => {
    const book = await openSample();
    await runGatherStep(book);
    await book.writeBlocks([{ sheet: SHEETS.overrides, topLeft: "A2", values: [["Sales", "CH-101", "2031-01", 5, null, null, "x"]] }]);
    await expect(runDemandStep(book, { horizon: 3 })).rejects.toThrow(/SOP Overrides has a problem; fix it and run step 2 again:\nRow 2: period "2031-01" is not a forecast month/);
  });

  test("a cancelled forecast writes nothing", async () => {
    const book = await openSample();
    await runGatherStep(book);
    const controller = new AbortController();
    const run = runDemandStep(book, { horizon: 6 }, { signal: controller.signal, onProgress: (p) => p.fraction! > 0.2 && controller.abort() });
    await expect(run).rejects.toThrow(/Cancelled/);
    expect((await book.listSheets()).map((s) => s.name)).not.toContain(SHEETS.forecast);
  });

  test("live formulas: SOP Forecast holds =SOP.FORECAST over each item's row of the cleaned history, found by its id, with the family's season where it has one", async () => {
    const book = await openSample();
    await runGatherStep(book);
    await runDemandStep(book, { horizon: 6, liveFormulas: true });
    const inputs = book.sheetInputs(SHEETS.forecast);
    const ownSeason = inputs.findIndex((row) => row[0] === "ST-109");
    expect(inputs[ownSeason][2]).not.toMatch(/family season/i);
    const formula = (inputs[ownSeason][8] as { formula: string }).formula;
    expect(formula.startsWith("=SOP.FORECAST(INDEX('SOP Clean History'!$C$2:$AL$41,MATCH(\"ST-109\",'SOP Clean History'!$A$2:$A$41,0),0),6,12,\"auto\",80,{")).toBe(true);
    expect(formula.slice(formula.indexOf("{") + 1, -2).split(",").map(Number)).toHaveLength(12);
    expect(inputs[ownSeason + 1][8]).toBeNull();
    expect(inputs[1][2]).toMatch(/^Family season/);
    expect(inputs[1][8]).toEqual({ formula: expect.stringMatching(new RegExp(`^=SOP\\.FORECAST\\(INDEX\\(.*MATCH\\("${String(inputs[1][0])}",.*,6,12,"auto",80,\\{[\\d.,]+\\}\\)$`)) });
  });
});
