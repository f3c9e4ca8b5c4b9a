/**
 * Excel's rules for sheet names: at most 31 characters, none of : \ / ? * [ ], not blank, not starting
 * or ending with an apostrophe, and not "History", which Excel reserves.
 * Reference: Microsoft Support, "Rename a worksheet" (support.microsoft.com/office/3f1f7148-ee83-404d-8ef0-9ff99fbad1f9).
 */
import { WorkbookError } from "./workbookError";

/** Longest sheet name Excel takes. */
export const SHEET_NAME_MAX = 31;

/**
 * Throw when Excel would refuse a sheet name, saying which rule it breaks.
 * @param name the name the add-in is about to give a sheet
 * @throws WorkbookError naming the sheet and the rule
 * @example assertSheetName("Plan 2026-11 v1") // passes
 * @example assertSheetName("History") // throws: Excel reserves "History"
 */
export function assertSheetName(name: string): void {
  const problem =
    name.trim() === ""
      ? "it is blank"
      : name.length > SHEET_NAME_MAX
        ? `it is ${name.length} characters long (Excel takes at most ${SHEET_NAME_MAX})`
        : /[:\\/?*[\]]/.test(name)
          ? "it holds one of : \\ / ? * [ ]"
          : name.startsWith("'") || name.endsWith("'")
            ? "it starts or ends with an apostrophe"
            : name.toLowerCase() === "history"
              ? 'Excel reserves the name "History"'
              : undefined;
  if (problem) throw new WorkbookError(`"${name}" cannot be a sheet name: ${problem}. Choose another name.`);
}
