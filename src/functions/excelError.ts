import { PlanningError, PlanningErrorKind } from "../core/errors";

/** The Excel error value each kind of planning error shows as. */
const EXCEL_CODES: Record<PlanningErrorKind, string> = {
  invalidValue: "#VALUE!",
  notAvailable: "#N/A",
  invalidNumber: "#NUM!",
  divisionByZero: "#DIV/0!",
};

/**
 * The error a custom function throws outside Excel (Node, the browser preview), where
 * CustomFunctions.Error does not exist: the same Excel error value and planner-facing message.
 */
export class SopFunctionError extends Error {
  readonly code: string;

  constructor(code: string, message: string) {
    super(message);
    this.name = "SopFunctionError";
    this.code = code;
  }
}

/** Name of the CustomFunctions.ErrorCode member for each Excel error value. */
const ERROR_CODE_MEMBERS: Record<string, keyof typeof CustomFunctions.ErrorCode> = {
  "#VALUE!": "invalidValue",
  "#N/A": "notAvailable",
  "#NUM!": "invalidNumber",
  "#DIV/0!": "divisionByZero",
};

/** An Excel error value: CustomFunctions.Error inside Excel, SopFunctionError elsewhere. */
export type ExcelErrorValue = CustomFunctions.Error | SopFunctionError;

/** The error value for one kind of planning problem: CustomFunctions.Error in Excel, SopFunctionError elsewhere. */
export function excelErrorValue(kind: PlanningErrorKind, message: string): ExcelErrorValue {
  const code = EXCEL_CODES[kind];
  if (typeof CustomFunctions !== "undefined" && CustomFunctions.Error) {
    return new CustomFunctions.Error(CustomFunctions.ErrorCode[ERROR_CODE_MEMBERS[code]], message);
  }
  return new SopFunctionError(code, message);
}

/**
 * The kinds whose Excel error value shows the function's message: Excel keeps a custom message only
 * for #VALUE! and #N/A and drops it for #NUM!, #DIV/0! and the rest (Microsoft Learn, "Handle and
 * return errors from your custom function", https://learn.microsoft.com/office/dev/add-ins/excel/custom-functions-errors).
 */
const KINDS_WITH_MESSAGE: ReadonlySet<PlanningErrorKind> = new Set(["invalidValue", "notAvailable"]);

/**
 * Turn anything a function threw into the error Excel shows. A PlanningError keeps its message: as
 * #N/A when the data it needs is not available, else as #VALUE! (a whole call that cannot answer is
 * an argument problem, and #VALUE! is one of the two codes whose message the planner can read when
 * hovering the cell); anything else is an unexpected fault and says so without a stack trace.
 * @example toExcelError(new PlanningError("horizon must be a whole number from 1 to 120", "invalidNumber")).code // "#VALUE!"
 */
export function toExcelError(error: unknown): ExcelErrorValue {
  if (error instanceof PlanningError) return excelErrorValue(KINDS_WITH_MESSAGE.has(error.kind) ? error.kind : "invalidValue", error.message);
  const detail = error instanceof Error ? error.message : String(error);
  return excelErrorValue("invalidValue", `Unexpected problem in the S&OP add-in: ${detail}`);
}

const isExcelErrorValue = (cell: unknown): cell is ExcelErrorValue =>
  cell instanceof SopFunctionError || (typeof CustomFunctions !== "undefined" && typeof CustomFunctions.Error === "function" && cell instanceof CustomFunctions.Error);

/** The cell shown for a number that is infinite or undefined, when the function did not say why itself. */
const notComputable = (): ExcelErrorValue =>
  excelErrorValue("notAvailable", "This number cannot be computed from the data given (it would be infinite or undefined): check the inputs for values far beyond the plan's scale or so close to 0 that dividing by them overflows.");

function storableCell(cell: unknown): unknown {
  if (typeof cell === "number") return Number.isFinite(cell) ? cell : notComputable();
  if (typeof cell === "string" || typeof cell === "boolean" || isExcelErrorValue(cell)) return cell;
  if (cell === null || cell === undefined) return "";
  throw new Error(`a result cell holds ${typeof cell}`);
}

/**
 * A result as Excel can store it: a finite number, text or TRUE/FALSE, or a rectangular, non-empty
 * array of such cells and error values. An array's infinite or undefined number becomes an #N/A cell
 * saying why and a missing cell becomes blank; a single result that is not finite is refused.
 * @throws PlanningError when a single number is infinite or undefined, or the array is empty
 * @example storable([[1, Number.NaN]])[0][1] // an #N/A error value with a message
 */
export function storable<T>(result: T): T {
  if (typeof result === "number" && !Number.isFinite(result)) {
    throw new PlanningError("The result cannot be computed from these inputs (it would be infinite or undefined): check them for values far beyond the plan's scale or so close to 0 that dividing by them overflows.");
  }
  if (!Array.isArray(result)) return storableCell(result) as T;
  const rows = result.map((row: unknown) => (Array.isArray(row) ? row : [row]));
  const width = rows.reduce((widest, row) => Math.max(widest, row.length), 0);
  if (rows.length === 0 || width === 0) throw new PlanningError("There is nothing to show for these inputs: check that the ranges hold the data.");
  return rows.map((row) => Array.from({ length: width }, (_, i) => storableCell(row[i]))) as T;
}

/** Run a function body and rethrow any failure as the Excel error value with a planner-facing message; the result is made {@link storable}. */
export function asExcelResult<T>(body: () => T): T {
  try {
    return storable(body());
  } catch (error) {
    throw toExcelError(error);
  }
}

/** The same as asExcelResult for a body that awaits (a solver, a worker). */
export async function asExcelResultAsync<T>(body: () => Promise<T>): Promise<T> {
  try {
    return storable(await body());
  } catch (error) {
    throw toExcelError(error);
  }
}
