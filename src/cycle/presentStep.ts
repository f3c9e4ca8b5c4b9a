import { PlanningError } from "../core/errors";
import { shownFillRate } from "../core/supply/evaluatePlan";
import { columnLetters } from "../workbook/address";
import type { CellInput, CellValue, ChartKind, ChartSpec, Workbook } from "../workbook/workbook";
import { approvePlan, AuditEntry, PlanForApproval, rejectPlan, type ApproverIdentity } from "./approval";
import { CENTS_FORMAT, numberIn, PERCENT_FORMAT, replaceSheets, roundCents, roundShare, WHOLE_FORMAT } from "./ownedSheets";
import { planNumberFormats, planServiceOf, servedUnits } from "./planSheet";
import { approvalBasis } from "./scenarioPlan";
import { LOCATION_SUMMARY_HEADERS, locationSummary } from "./networkPlan";
import { periodWord } from "./planningBuckets";
import { SHEETS } from "./sheets";
import type { StepReport, StepRunOptions } from "./stepTypes";
import { CAPACITY_HOURS } from "./supplyStep";

/** The decision taken in step 5. */
export interface PresentOptions {
  decision: "approve" | "reject" | "preview";
  approver?: string;
  comment?: string;
  /** The scenario approved: "Base" (the default) or one step 4 compared, whose plan is then approved. */
  scenario?: string;
  /** How the approver's name was known (default "self-declared": typed). */
  identity?: ApproverIdentity;
}

/** A key figure of the executive summary, with the number format SOP Summary shows it in. */
export interface KeyFigure {
  label: string;
  value: number;
  format: string;
}

export interface PresentResult {
  plan: PlanForApproval;
  kpis: KeyFigure[];
  audit?: AuditEntry;
  report: StepReport;
}

const sum = (values: readonly number[]): number => values.reduce((s, v) => s + v, 0);

/** A table of the executive summary a chart draws: a header, then a category and its values per row. */
export type ChartTable = CellInput[][];

/** The tables behind the executive summary's four charts. */
export interface SummaryCharts {
  /** Period, Demand, Supply. */
  flows: ChartTable;
  /** Period, Inventory. */
  stock: ChartTable;
  /** Period, Regular hours, Hours used (all resources). */
  capacity: ChartTable;
  /** Scenario, Revenue, Total cost, Margin (the base and each scenario with a plan). */
  scenarios: ChartTable;
}

/** The money figures of SOP Scenarios drawn in the scenarios chart, by the label the sheet gives them. */
const SCENARIO_FIGURES = [
  ["Revenue (currency)", "Revenue"],
  ["Total Cost (currency)", "Total cost"],
  ["Margin (currency)", "Margin"],
] as const;

/**
 * The scenarios as SOP Scenarios (its values) compares them, one row per scenario with a plan: revenue, total cost
 * and margin (the "vs Base" columns and scenarios without a plan left out).
 */
function scenarioTable(sheet: readonly CellValue[][]): ChartTable {
  const header = sheet[0] ?? [];
  const columns = header.map((cell, c) => ({ name: String(cell ?? ""), c })).filter(({ name, c }) => c > 0 && name !== "" && !name.endsWith(" vs Base"));
  const rowOf = (label: string): CellValue[] => sheet.find((row) => row[0] === label) ?? [];
  const rows = columns
    .map(({ name, c }) => [name, ...SCENARIO_FIGURES.map(([label]) => rowOf(label)[c] ?? null)])
    .filter((row) => row.slice(1).every((cell) => typeof cell === "number"));
  return [["Scenario", ...SCENARIO_FIGURES.map(([, short]) => short)], ...rows];
}

/** Regular hours and hours used per month over all resources, from SOP Capacity's values. */
function capacityTable(sheet: readonly CellValue[][], periods: readonly string[]): ChartTable {
  const total = (measure: string): number[] =>
    periods.map((_, t) => sheet.filter((row) => row[1] === measure).reduce((s, row) => s + numberIn(row[t + 2]), 0));
  const [regular, used] = [total(CAPACITY_HOURS.regular), total(CAPACITY_HOURS.used)];
  return [["Period", CAPACITY_HOURS.regular, CAPACITY_HOURS.used], ...periods.map((p, t) => [p, roundCents(regular[t]), roundCents(used[t])])];
}

/**
 * The plan as it goes to approval: SOP Supply Plan's table, its cycle (the first planned month), its key
 * figures (demand, supply, lost sales, the plan's fill rate as planService defines it, revenue, cost,
 * margin, peak inventory) and the tables of the summary's charts.
 * @throws PlanningError when step 3 has not run
 */
export async function planForApproval(
  workbook: Workbook,
  scenario = "Base",
): Promise<{ plan: PlanForApproval; kpis: KeyFigure[]; charts: SummaryCharts; byLocation: (string | number)[][] }> {
  const { table, model, planCost } = await approvalBasis(workbook, scenario);
  // Asked for together, Excel reads the three sheets in one round trip.
  const present = new Set((await workbook.listSheets()).map((sheet) => sheet.name));
  const readIf = async (name: string): Promise<CellValue[][]> => (present.has(name) ? workbook.read(name) : []);
  const [strategySheet, capacitySheet, scenarioSheet] = await Promise.all([workbook.read(SHEETS.strategies), readIf(SHEETS.capacity), readIf(SHEETS.scenarios)]);
  const scenarios = scenarioTable(scenarioSheet);
  const priceOf = new Map(model.items.map((item) => [item.id, item.price ?? 0]));
  const costOf = new Map(model.items.map((item) => [item.id, item.unitCost]));
  const zero = table.periods.map(() => 0);
  const total = (measure: string): number[] => table.items.reduce((acc, item) => acc.map((v, t) => v + (item.measures[measure] ?? zero)[t]), zero);
  const demand = total("Demand");
  // supply: made, bought in and already on the way (SOP Receipts)
  const supply = total("Production").map((v, t) => v + total("Subcontract")[t] + total("Receipts")[t]);
  const inventory = total("Inventory");
  const revenue = sum(table.items.map((item) => sum(servedUnits(item.measures)) * (priceOf.get(item.id) ?? 0)));
  const material = sum(table.items.map((item) => sum(item.measures.Production ?? zero) * (costOf.get(item.id) ?? 0)));
  const strategies = strategySheet.find((row) => row[0] === "optimal");
  const totals = {
    demand: roundCents(sum(demand)),
    supply: roundCents(sum(supply)),
    lostSales: roundCents(sum(total("Lost"))),
    revenue: roundCents(revenue),
    materialCost: roundCents(material),
    planCost: roundCents(planCost ?? numberIn(strategies?.[1] ?? null)),
  };
  const figure = (label: string, value: number, format = CENTS_FORMAT): KeyFigure => ({ label, value, format });
  const service = planServiceOf(model, table);
  const kpis: KeyFigure[] = [
    figure("Demand (units)", totals.demand),
    figure("Supply (units)", totals.supply),
    figure("Lost sales (units)", totals.lostSales),
    figure("Fill rate %", roundShare(shownFillRate(service.fillRate)), PERCENT_FORMAT),
    figure(`Backlog (unit-${periodWord(table.periods)}s)`, roundCents(service.backlogUnitPeriods)),
    figure("Revenue at risk", roundCents(service.revenueAtRisk)),
    figure("Revenue", totals.revenue),
    figure("Total plan cost", totals.planCost),
    figure("Margin after plan cost", roundCents(totals.revenue - totals.planCost)),
    figure("Peak inventory (units)", roundCents(Math.max(...inventory))),
  ];
  const charts: SummaryCharts = {
    flows: [["Period", "Demand", "Supply"], ...table.periods.map((p, t) => [p, roundCents(demand[t]), roundCents(supply[t])])],
    stock: [["Period", "Inventory"], ...table.periods.map((p, t) => [p, roundCents(inventory[t])])],
    capacity: capacityTable(capacitySheet, table.periods),
    scenarios,
  };
  const plan: PlanForApproval = { cycle: table.periods[0], scenario, header: table.header, rows: table.rows, numberFormats: planNumberFormats(table.periods), totals };
  return { plan, kpis, charts, byLocation: locationSummary(model, table) };
}

/** Rows of SOP Summary the four charts take, under the key figures: two charts side by side, twice. */
const CHART_HEIGHT = 14;

/**
 * Where SOP Summary puts things: key figures at A1; four charts in a 2 x 2 grid below them (columns A-B
 * and C-F), one blank row under the figures; the charts' data below the charts in adjacent blocks. Only the key figures and charts print, on
 * one landscape page.
 */
function summaryLayout(kpiCount: number, charts: SummaryCharts): { blocks: { rows: CellInput[][]; topLeft: string; numberFormats: string[] }[]; specs: ChartSpec[]; printArea: string } {
  // One blank row between the key figures (and their header) and the charts.
  const chartTop = kpiCount + 3;
  const dataTop = chartTop + 2 * CHART_HEIGHT + 4;
  const placed: { table: ChartTable; column: number; formats: string[]; kind: ChartKind; title: string }[] = [
    { table: charts.flows, column: 0, formats: ["@", WHOLE_FORMAT, WHOLE_FORMAT], kind: "column", title: "Demand and supply per month" },
    { table: charts.stock, column: 3, formats: ["@", WHOLE_FORMAT], kind: "line", title: "Inventory at month end" },
    { table: charts.capacity, column: 5, formats: ["@", WHOLE_FORMAT, WHOLE_FORMAT], kind: "column", title: "Capacity use per month (hours)" },
    { table: charts.scenarios, column: 8, formats: ["@", WHOLE_FORMAT, WHOLE_FORMAT, WHOLE_FORMAT], kind: "column", title: "Scenarios compared (money)" },
  ];
  const cells = [
    ["A", "B"],
    ["C", "F"],
  ];
  const blocks = placed.map(({ table, column, formats }) => ({ rows: table, topLeft: `${columnLetters(column)}${dataTop}`, numberFormats: formats }));
  const specs = placed
    .filter(({ table }) => table.length > 1)
    .map(({ table, column, kind, title }, k): ChartSpec => {
      const top = chartTop + Math.floor(k / 2) * CHART_HEIGHT;
      const [left, right] = cells[k % 2];
      const dataAddress = `${columnLetters(column)}${dataTop}:${columnLetters(column + table[0].length - 1)}${dataTop + table.length - 1}`;
      return { sheet: SHEETS.summary, kind, title, dataAddress, anchor: `${left}${top}`, bottomRight: `${right}${top + CHART_HEIGHT - 1}` };
    });
  return { blocks, specs, printArea: `A1:F${chartTop + 2 * CHART_HEIGHT - 1}` };
}

/**
 * Step 5, present and approve: write the executive summary to SOP Summary (key figures, and native Excel
 * charts of demand against supply, inventory, capacity use and the scenarios compared, printed on one
 * landscape page); then, on approval, write the plan to a new protected sheet for this cycle and version
 * with an audit row (who, when, scenario, totals, SHA-256 of the content); on rejection record the
 * comment, and the cycle goes back to step 4.
 * @throws PlanningError without an approver's name, or a rejection without a comment
 */
export async function runPresentStep(workbook: Workbook, options: PresentOptions, run: StepRunOptions = {}): Promise<PresentResult> {
  if (options.decision !== "preview" && !(options.approver ?? "").trim()) {
    throw new PlanningError("Enter the name of the person who approves or rejects the plan.");
  }
  run.onProgress?.({ fraction: 0.1, message: "Writing the executive summary" });
  const { plan, kpis, charts, byLocation } = await planForApproval(workbook, options.scenario);
  const kpiRows = kpis.map((k) => [k.label, k.value]);
  const kpiFormats = kpis.map((k) => ["@", k.format]);
  const layout = summaryLayout(kpis.length, charts);
  // a network plan's figures by location, beside the key figures (within the printed page)
  const locationFormats = ["@", WHOLE_FORMAT, PERCENT_FORMAT];
  const locationBlock = byLocation.length === 0 ? [] : [{ rows: [[...LOCATION_SUMMARY_HEADERS], ...byLocation], topLeft: "D1", numberFormats: locationFormats }];
  await replaceSheets(
    workbook,
    { [SHEETS.summary]: [{ rows: [["Key figure", `Plan ${plan.cycle}`], ...kpiRows], numberFormats: [["@", "@"], ...kpiFormats] }, ...locationBlock, ...layout.blocks] },
    run.overwrite,
    { [SHEETS.summary]: { onePage: true, area: layout.printArea } },
  );
  // Every run brings the charts' data ranges up to date (a longer plan has more months); asked for
  // together, Excel draws them in one round trip.
  await Promise.all(layout.specs.map((spec) => workbook.addChart(spec)));
  let audit: AuditEntry | undefined;
  const approver = { name: options.approver ?? "", identity: options.identity ?? "self-declared" };
  if (options.decision === "approve") audit = await approvePlan(workbook, plan, approver, options.comment ?? "");
  if (options.decision === "reject") audit = await rejectPlan(workbook, plan, approver, options.comment ?? "");
  run.onProgress?.({ fraction: 1, message: "Done" });
  const decided =
    audit?.decision === "approved"
      ? `Approved by ${audit.who}: written to "${audit.sheet}" (protected), audit hash ${audit.hash.slice(0, 12)}…`
      : audit?.decision === "rejected"
        ? `Rejected by ${audit.who}: "${audit.comment}". Go back to step 4 to rework the plan.`
        : "Summary ready for review.";
  return {
    plan,
    kpis,
    audit,
    report: {
      summary: `Plan ${plan.cycle}: ${decided}`,
      tables: [
        { title: "Executive summary", headers: ["Key figure", "Value"], rows: kpiRows, numberFormats: kpiFormats },
        ...(byLocation.length === 0 ? [] : [{ title: "By location", headers: [...LOCATION_SUMMARY_HEADERS], rows: byLocation, numberFormats: locationFormats }]),
      ],
    },
  };
}
