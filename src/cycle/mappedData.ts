import { PlanningError } from "../core/errors";
import type { Workbook } from "../workbook/workbook";
import { historySources, isLines, type HistoryMapping } from "./historyLayout";
import { keepCorrected } from "./mappingEdit";
import { DataMapping, loadMapping, proposeMapping } from "./mapping";
import { PlanningData, readPlanningData } from "./planningData";

/**
 * The mapping saved in the workbook, with its history and capacity blocks brought up to date: when
 * the planner has added months to the same table, name or sheet since, the new months are included.
 * A history the planner corrected in the mapping editor is kept as set (with the months added after
 * its last period header), never replaced by a proposal.
 * Returns undefined when no mapping has been saved.
 */
export async function currentMapping(workbook: Workbook): Promise<DataMapping | undefined> {
  const saved = await loadMapping(workbook);
  if (!saved) return undefined;
  const proposal = await proposeMapping(workbook);
  if (saved.history?.corrected) {
    const history = isLines(saved.history) ? saved.history : await keepCorrected(workbook, saved.history);
    return { ...saved, history, capacity: sameBlocks(saved.capacity, proposal.capacity) ? proposal.capacity : saved.capacity };
  }
  return {
    ...saved,
    history: sameBlocks(saved.history, proposal.history) ? proposal.history : saved.history,
    capacity: sameBlocks(saved.capacity, proposal.capacity) ? proposal.capacity : saved.capacity,
  };
}

function blocks(mapping: HistoryMapping): string {
  return JSON.stringify(historySources(mapping).map((source) => [source.kind, source.reference]));
}

/** True when two mappings read the same blocks. */
function sameBlocks<M extends HistoryMapping>(a: M | null, b: M | null): b is M {
  return a !== null && b !== null && blocks(a) === blocks(b);
}

/**
 * The planner's data as step 1 mapped it. Steps 2 to 5 read the mapping step 1 saved, and so only the
 * mapped blocks; with `withNewMonths` (step 6, which looks for the actuals added since) the history and
 * capacity blocks are brought up to date first, as step 1 does.
 * @throws PlanningError when step 1 has not run on this workbook
 */
export async function loadMappedData(workbook: Workbook, withNewMonths = false): Promise<PlanningData> {
  const mapping = withNewMonths ? await currentMapping(workbook) : await loadMapping(workbook);
  if (!mapping) throw new PlanningError("This workbook has no data mapping yet: run step 1 (gather and check data) first.");
  return readPlanningData(workbook, mapping);
}
