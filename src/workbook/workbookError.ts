import { PlanningError } from "../core/errors";

/**
 * An error about the workbook itself rather than the planning data: a file that is not a workbook,
 * a sheet or range that does not exist, a write the planner did not allow. It is a PlanningError, so
 * every adapter shows its message as it shows any other planner-facing error.
 */
export class WorkbookError extends PlanningError {
  constructor(message: string) {
    super(message, "invalidValue");
    this.name = "WorkbookError";
  }
}
