/**
 * The one error type of the planning engine. Its message is written for a planner: it says what is
 * wrong with their data and, where it helps, what to do. Adapters turn it into a CustomFunctions
 * error (Excel), a message bar (task pane) or a line on stderr (command line); they never show a stack.
 */
export class PlanningError extends Error {
  /** A short machine-readable kind, used by adapters to choose the Excel error value. */
  readonly kind: PlanningErrorKind;

  constructor(message: string, kind: PlanningErrorKind = "invalidValue") {
    super(message);
    this.name = "PlanningError";
    this.kind = kind;
  }
}

/**
 * What kind of problem it is: invalidValue (#VALUE!), notAvailable (#N/A), invalidNumber (#NUM!),
 * divisionByZero (#DIV/0!). A custom function that fails whole shows #N/A or else #VALUE!, the two codes
 * whose message Excel keeps (src/functions/excelError.ts); a single spilled cell keeps its own code.
 */
export type PlanningErrorKind = "invalidValue" | "notAvailable" | "invalidNumber" | "divisionByZero";
