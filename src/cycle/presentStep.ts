import { PlanningError } from "../core/errors";
import type { CellInput, Workbook } from "../workbook/workbook";
import { approvePlan, AuditEntry, PlanForApproval, rejectPlan, type ApproverIdentity } from "./approval";
import { CENTS_FORMAT, numberIn, PERCENT_FORMAT, replaceSheets, roundCents, roundShare, WHOLE_FORMAT } from "./ownedSheets";
import { planNumberFormats, servedUnits } from "./planSheet";
import { approvalBasis } from "./scenarioPlan";
import { SHEETS } from "./sheets";
import type { StepReport, StepRunOptions } from "./stepTypes";

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

/**
 * The plan as it goes to approval: SOP Supply Plan's table, its cycle (the first planned month) and
 * its key figures: demand, supply, lost sales, revenue, material cost and total cost of the plan.
 * @throws PlanningError when step 3 has not run
 */
export async function planForApproval(workbook: Workbook, scenario = "Base"): Promise<{ plan: PlanForApproval; kpis: KeyFigure[]; flows: CellInput[][]; stock: CellInput[][] }> {
  const { table, model, planCost } = await approvalBasis(workbook, scenario);
  const priceOf = new Map(model.items.map((item) => [item.id, item.price ?? 0]));
  const costOf = new Map(model.items.map((item) => [item.id, item.unitCost]));
  const zero = table.periods.map(() => 0);
  const total = (measure: string): number[] => table.items.reduce((acc, item) => acc.map((v, t) => v + (item.measures[measure] ?? zero)[t]), zero);
  const demand = total("Demand");
  const supply = total("Production").map((v, t) => v + total("Subcontract")[t]);
  const inventory = total("Inventory");
  const revenue = sum(table.items.map((item) => sum(servedUnits(item.measures)) * (priceOf.get(item.id) ?? 0)));
  const material = sum(table.items.map((item) => sum(item.measures.Production ?? zero) * (costOf.get(item.id) ?? 0)));
  const strategies = (await workbook.read(SHEETS.strategies)).find((row) => row[0] === "optimal");
  const totals = {
    demand: roundCents(sum(demand)),
    supply: roundCents(sum(supply)),
    lostSales: roundCents(sum(total("Lost"))),
    revenue: roundCents(revenue),
    materialCost: roundCents(material),
    planCost: roundCents(planCost ?? numberIn(strategies?.[1] ?? null)),
  };
  const figure = (label: string, value: number, format = CENTS_FORMAT): KeyFigure => ({ label, value, format });
  const kpis: KeyFigure[] = [
    figure("Demand (units)", totals.demand),
    figure("Supply (units)", totals.supply),
    figure("Lost sales (units)", totals.lostSales),
    figure("Fill rate %", roundShare(totals.demand > 0 ? (totals.demand - totals.lostSales - (total("Backlog").at(-1) ?? 0)) / totals.demand : 1), PERCENT_FORMAT),
    figure("Revenue", totals.revenue),
    figure("Total plan cost", totals.planCost),
    figure("Margin after plan cost", roundCents(totals.revenue - totals.planCost)),
    figure("Peak inventory (units)", roundCents(Math.max(...inventory))),
  ];
  const flows: CellInput[][] = [["Period", "Demand", "Supply"], ...table.periods.map((p, t) => [p, roundCents(demand[t]), roundCents(supply[t])])];
  const stock: CellInput[][] = [["Period", "Inventory"], ...table.periods.map((p, t) => [p, roundCents(inventory[t])])];
  const plan: PlanForApproval = { cycle: table.periods[0], scenario, header: table.header, rows: table.rows, numberFormats: planNumberFormats(table.periods), totals };
  return { plan, kpis, flows, stock };
}

/**
 * Step 5, present and approve: write the executive summary (key figures, and Excel charts of demand
 * against supply and of inventory) to SOP Summary; then, on approval, write the plan to a new protected
 * sheet for this cycle and version with an audit row (who, when, scenario, totals, SHA-256 of the
 * content); on rejection record the comment, and the cycle goes back to step 4.
 * @throws PlanningError without an approver's name, or a rejection without a comment
 */
export async function runPresentStep(workbook: Workbook, options: PresentOptions, run: StepRunOptions = {}): Promise<PresentResult> {
  if (options.decision !== "preview" && !(options.approver ?? "").trim()) {
    throw new PlanningError("Enter the name of the person who approves or rejects the plan.");
  }
  run.onProgress?.({ fraction: 0.1, message: "Writing the executive summary" });
  const { plan, kpis, flows, stock } = await planForApproval(workbook, options.scenario);
  const chartTop = kpis.length + 3;
  const kpiRows = kpis.map((k) => [k.label, k.value]);
  const kpiFormats = kpis.map((k) => ["@", k.format]);
  await replaceSheets(
    workbook,
    {
      [SHEETS.summary]: [
        { rows: [["Key figure", `Plan ${plan.cycle}`], ...kpiRows], numberFormats: [["@", "@"], ...kpiFormats] },
        { rows: flows, topLeft: `A${chartTop}`, numberFormats: ["@", WHOLE_FORMAT, WHOLE_FORMAT] },
        { rows: stock, topLeft: `E${chartTop}`, numberFormats: ["@", WHOLE_FORMAT] },
      ],
    },
    run.overwrite,
  );
  // Every run brings the charts' data ranges up to date (a longer plan has more months); asked for
  // together, Excel draws both in one round trip.
  const last = chartTop + flows.length - 1;
  await Promise.all([
    workbook.addChart({ sheet: SHEETS.summary, kind: "column", title: "Demand and supply per month", dataAddress: `A${chartTop}:C${last}`, anchor: "H2" }),
    workbook.addChart({ sheet: SHEETS.summary, kind: "line", title: "Inventory at month end", dataAddress: `E${chartTop}:F${last}`, anchor: "H20" }),
  ]);
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
      tables: [{ title: "Executive summary", headers: ["Key figure", "Value"], rows: kpiRows, numberFormats: kpiFormats }],
    },
  };
}
