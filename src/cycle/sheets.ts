/** Names of the sheets the add-in creates and owns. The planner's own sheets are never written. */
export const SHEETS = {
  cleanHistory: "SOP Clean History",
  changeLog: "SOP Change Log",
  validation: "SOP Validation",
  forecast: "SOP Forecast",
  overrides: "SOP Overrides",
  consensus: "SOP Consensus",
  strategies: "SOP Strategies",
  supplyPlan: "SOP Supply Plan",
  capacity: "SOP Capacity",
  transfers: "SOP Transfers",
  reconcile: "SOP Reconcile",
  scenarios: "SOP Scenarios",
  summary: "SOP Summary",
  auditLog: "SOP Audit Log",
  planDiff: "SOP Plan Diff",
  monitor: "SOP Monitor",
  cycleHistory: "SOP Cycle History",
  orderHistory: "SOP Order History",
  serviceLevels: "SOP Service Levels",
} as const;

/** Name of the protected sheet holding version `version` of the plan approved in cycle `cycle`. */
export function approvedSheetName(cycle: string, version: number): string {
  return `Plan ${cycle} v${version}`;
}
