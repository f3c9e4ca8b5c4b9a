import { PlanningError } from "../core/errors";
import type { Workbook } from "../workbook/workbook";
import { loadMapping } from "./mapping";
import { PlanningData, readPlanningData } from "./planningData";

/**
 * The planner's data as mapped in step 1 (the mapping is saved in the workbook).
 * @throws PlanningError when step 1 has not run on this workbook
 */
export async function loadMappedData(workbook: Workbook): Promise<PlanningData> {
  const mapping = await loadMapping(workbook);
  if (!mapping) throw new PlanningError("This workbook has no data mapping yet: run step 1 (gather and check data) first.");
  return readPlanningData(workbook, mapping);
}
