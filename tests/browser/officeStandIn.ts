/**
 * The Office.js stand-in of the strict Excel host (tests/browser/excelHost.ts): bundled for the browser
 * and served to the built add-in in place of https://appsforoffice.microsoft.com/lib/1/hosted/office.js.
 * It gives the page what Excel gives it, by Excel's documented rules:
 * - `Office.onReady` reports host Excel once the workbook is open (fetched from /__excel-host/setup.json);
 *   `Office.context.requirements.isSetSupported` answers for the requirement sets of the chosen Excel
 *   (Microsoft Learn, "Excel JavaScript API requirement sets",
 *   https://learn.microsoft.com/javascript/api/requirement-sets/excel/excel-api-requirement-sets, and
 *   "Custom Functions requirement sets",
 *   https://learn.microsoft.com/javascript/api/requirement-sets/excel/custom-functions-requirement-sets).
 * - `Excel.run` runs the batch against the one strict fake of the Excel API (tests/workbook/fakeExcel.ts),
 *   the same fake the Node tests use.
 * - `CustomFunctions.associate` registers the functions of functions.js; `CustomFunctions.Error` exists
 *   only from CustomFunctionsRuntime 1.2 (Microsoft Learn, "CustomFunctions.Error class":
 *   "[ API set: CustomFunctionsRuntime 1.2 ]",
 *   https://learn.microsoft.com/javascript/api/custom-functions-runtime/customfunctions.error).
 * The test calls `window.__excelHost.call(id, args)` to evaluate a function as a cell would.
 */
import { FakeExcel } from "../workbook/fakeExcel";
import type { HostCell, HostSetup } from "./hostTypes";

const fake = new FakeExcel();
const setup: Promise<HostSetup> = fetch("/__excel-host/setup.json").then((response) => response.json() as Promise<HostSetup>);
const ready = setup.then((host) => {
  for (const sheet of host.workbook.sheets) fake.addSheet(sheet.name, sheet.values);
  for (const table of host.workbook.tables) fake.addTable(table.name, table.sheet, table.address);
  for (const name of host.workbook.names) fake.addName(name.name, name.formula, { scope: name.scope });
  fake.use1904DateSystem = host.workbook.date1904 === true;
  return host;
});
let supported: Record<string, string> = {};
void ready.then((host) => (supported = host.requirementSets));

/** Whether version a.b is at least b.c, as Office compares requirement set versions. */
function atLeast(have: string, want: string): boolean {
  const [haveMajor, haveMinor] = have.split(".").map(Number);
  const [wantMajor, wantMinor] = want.split(".").map(Number);
  return haveMajor > wantMajor || (haveMajor === wantMajor && (haveMinor ?? 0) >= (wantMinor ?? 0));
}

const isSetSupported = (name: string, version = "1.1"): boolean => supported[name] !== undefined && atLeast(supported[name], version);

const info = { host: "Excel", platform: "OfficeOnline" };

const office = {
  HostType: { Excel: "Excel", Word: "Word", PowerPoint: "PowerPoint", Outlook: "Outlook" },
  PlatformType: { OfficeOnline: "OfficeOnline", PC: "PC", Mac: "Mac" },
  onReady: (callback?: (value: typeof info) => void) =>
    ready.then(() => {
      callback?.(info);
      return info;
    }),
  context: { requirements: { isSetSupported }, officeTheme: undefined },
};

/** `Excel.run(batch)` or `Excel.run(options, batch)`, on the fake (which enforces the options' rules). */
function run<T>(first: unknown, second?: unknown): Promise<T> {
  const batch = (typeof first === "function" ? first : second) as (context: Excel.RequestContext) => Promise<T>;
  const options = (typeof first === "function" ? {} : first) as Excel.RunOptions;
  return ready.then(() => fake.runner(options, batch));
}

/**
 * Excel's error values. Excel shows the message of a custom function only on #VALUE! and #N/A and drops
 * it on the others (Microsoft Learn, "Handle and return errors from your custom function": "The #VALUE!
 * and #N/A errors also support custom error messages",
 * https://learn.microsoft.com/office/dev/add-ins/excel/custom-functions-errors).
 */
const ErrorCode = {
  invalidValue: "#VALUE!",
  notAvailable: "#N/A",
  divisionByZero: "#DIV/0!",
  invalidNumber: "#NUM!",
  nullReference: "#NULL!",
  invalidName: "#NAME?",
  invalidReference: "#REF!",
} as const;

const CODES_WITH_MESSAGE = new Set<string>([ErrorCode.invalidValue, ErrorCode.notAvailable]);

class CustomFunctionsError {
  constructor(
    readonly code: string,
    readonly message?: string,
  ) {}
}

const registry = new Map<string, (...args: unknown[]) => unknown>();

const customFunctions = {
  associate(idOrMap: string | Record<string, (...args: unknown[]) => unknown>, fn?: (...args: unknown[]) => unknown): void {
    const entries = typeof idOrMap === "string" ? [[idOrMap, fn] as const] : Object.entries(idOrMap);
    for (const [id, body] of entries) if (body) registry.set(id.toUpperCase(), body);
  },
  ErrorCode,
  get Error() {
    return isSetSupported("CustomFunctionsRuntime", "1.2") ? CustomFunctionsError : undefined;
  },
};

/**
 * What a cell shows for one value a function returned or threw: a CustomFunctions.Error shows its code
 * (and its message only for #VALUE! and #N/A, per the page above). Any other exception shows #VALUE!
 * without a message: Microsoft Learn does not say what Excel shows then, so the host assumes the least
 * it could show. A number that is not finite shows #NUM!.
 */
function shown(value: unknown): HostCell {
  if (value instanceof CustomFunctionsError) {
    return CODES_WITH_MESSAGE.has(value.code) && value.message ? { error: value.code, message: value.message } : { error: value.code };
  }
  if (value instanceof Error) return { error: ErrorCode.invalidValue };
  if (typeof value === "number") return Number.isFinite(value) ? value : { error: ErrorCode.invalidNumber };
  if (typeof value === "string" || typeof value === "boolean") return value;
  return "";
}

/**
 * Evaluate a registered function as a cell would: the value (or spill) Excel shows.
 * @param id the function's id in functions.json, e.g. "FORECAST.MODEL"
 * @param args the arguments as Excel passes them (2-D arrays for ranges; null for an omitted optional one)
 */
async function call(id: string, args: unknown[]): Promise<HostCell | HostCell[][]> {
  await ready;
  const body = registry.get(id.toUpperCase());
  if (!body) return { error: ErrorCode.invalidName };
  try {
    const result = await body(...args);
    return Array.isArray(result) ? (result as unknown[][]).map((row) => row.map(shown)) : shown(result);
  } catch (error) {
    return shown(error);
  }
}

/** What the test reads of the workbook: cell values of a sheet and whether it is protected. */
function sheetValues(name: string): { values: (string | number | boolean)[][]; protected: boolean } | undefined {
  const sheet = fake.sheets.find((candidate) => candidate.name === name);
  if (!sheet) return undefined;
  const used = sheet.used();
  const values = used
    ? Array.from({ length: used.bottom + 1 }, (_, r) => Array.from({ length: used.right + 1 }, (_, c) => sheet.cell(r, c)?.value ?? ""))
    : [];
  return { values, protected: sheet.protected };
}

Object.assign(globalThis, {
  Office: office,
  Excel: { run },
  CustomFunctions: customFunctions,
  __excelHost: {
    call,
    functions: () => [...registry.keys()],
    sheetNames: () => fake.sheets.map((sheet) => sheet.name),
    sheetValues,
    stats: () => ({ syncs: fake.syncs, largestRequest: fake.largestRequest, largestResponse: fake.largestResponse, runsWithoutDelay: fake.runsWithoutDelay }),
  },
});
