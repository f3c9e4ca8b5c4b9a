/**
 * The strict Excel host for tests: the BUILT add-in (dist/taskpane.html with functions.js, the pages the
 * manifest names) served over http on localhost and opened in Debian's Chromium, with the page's
 * office.js answered by the Office.js stand-in (officeStandIn.ts, bundled here with webpack) whose
 * `Excel.run` works on the strict fake of the Excel API. Run `npm run build` first.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import type ExcelJS from "exceljs";
import type { Page } from "playwright-core";
import { DIST, ROOT, serveAndLaunch } from "./previewHarness";
import type { HostCell, HostScalar, HostSetup, HostStats, HostWorkbook } from "./hostTypes";

/** The built add-in the host serves: dist/, or another build named by SOP_HOST_DIST (to try an older build). */
export const HOST_DIST = process.env.SOP_HOST_DIST ?? DIST;

/** Where taskpane.html loads Office.js from (src/taskpane/taskpane.html). */
const OFFICE_JS = "https://appsforoffice.microsoft.com/lib/1/hosted/office.js";

let standIn: Promise<string> | undefined;

/** The Office.js stand-in bundled for the browser (once per test file), as script text. */
function standInScript(): Promise<string> {
  standIn ??= new Promise((resolve, reject) => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const webpack = require("webpack") as typeof import("webpack");
    const out = fs.mkdtempSync(path.join(os.tmpdir(), "sop-excel-host-"));
    webpack(
      {
        mode: "development",
        devtool: false,
        target: "web",
        context: ROOT,
        entry: path.join(__dirname, "officeStandIn.ts"),
        output: { path: out, filename: "office.js" },
        resolve: { extensions: [".ts", ".js"] },
        module: { rules: [{ test: /\.ts$/, exclude: /node_modules/, use: { loader: "ts-loader", options: { transpileOnly: true } } }] },
      },
      (error, stats) => {
        if (error || !stats || stats.hasErrors()) reject(error ?? new Error(stats?.toString("errors-only")));
        else resolve(fs.readFileSync(path.join(out, "office.js"), "utf8"));
      },
    );
  });
  return standIn;
}

/**
 * The requirement sets the built manifest declares, name to minimum version: the oldest Excel that
 * would install the add-in, and so the Excel the host plays unless a test names another.
 */
export function manifestRequirementSets(): Record<string, string> {
  const manifest = fs.readFileSync(path.join(HOST_DIST, "manifest.xml"), "utf8");
  const sets: Record<string, string> = {};
  const requirements = /<Requirements>([\s\S]*?)<\/Requirements>/.exec(manifest)?.[1] ?? "";
  for (const match of requirements.matchAll(/<Set Name="([^"]+)" MinVersion="([^"]+)"/g)) sets[match[1]] = match[2];
  return sets;
}

/** A workbook as the host opens it: each sheet's values from A1, its tables, and no names. */
export function hostWorkbookOf(book: ExcelJS.Workbook): HostWorkbook {
  const workbook: HostWorkbook = { sheets: [], tables: [], names: [] };
  book.eachSheet((sheet) => {
    const values: HostScalar[][] = [];
    sheet.eachRow({ includeEmpty: true }, (row, r) => {
      values[r - 1] = (row.values as unknown[]).slice(1).map((v) => (typeof v === "number" || typeof v === "string" || typeof v === "boolean" ? v : ""));
    });
    workbook.sheets.push({ name: sheet.name, values });
    for (const table of Object.values((sheet as unknown as { tables: Record<string, { table: { name: string; tableRef: string } }> }).tables)) {
      workbook.tables.push({ name: table.table.name, sheet: sheet.name, address: table.table.tableRef });
    }
  });
  return workbook;
}

/**
 * The arguments as Excel passes them: every parameter functions.json declares, an omitted optional one as
 * null (Microsoft Learn, "Custom functions parameter options": "When no value is specified for an optional
 * parameter, Excel assigns it the value null", https://learn.microsoft.com/office/dev/add-ins/excel/custom-functions-parameter-options).
 */
function withOmittedAsNull(id: string, args: readonly unknown[]): unknown[] {
  const metadata = JSON.parse(fs.readFileSync(path.join(HOST_DIST, "functions.json"), "utf8")) as { functions: { id: string; parameters: unknown[] }[] };
  const declared = metadata.functions.find((entry) => entry.id === id)?.parameters.length ?? args.length;
  return Array.from({ length: Math.max(declared, args.length) }, (_, i) => (i < args.length ? args[i] : null));
}

/** The add-in open in the strict host. */
export interface ExcelHost {
  page: Page;
  /** Errors the page threw, and console errors it logged, since it opened. */
  pageErrors: string[];
  /** The origin the add-in is served from, e.g. http://127.0.0.1:40123 */
  origin: string;
  /** Evaluate a custom function by its functions.json id; omitted trailing arguments are passed as null, as Excel does. */
  call: (id: string, ...args: unknown[]) => Promise<HostCell | HostCell[][]>;
  /** Context syncs, the largest request and response (bytes, cells), and batches run without delayForCellEdit, so far. */
  stats: () => Promise<HostStats>;
  /** A sheet's values from A1 and whether it is protected (undefined when there is no such sheet). */
  sheet: (name: string) => Promise<{ values: HostScalar[][]; protected: boolean } | undefined>;
  close: () => Promise<void>;
}

/**
 * Serve dist/ on a free local port, open taskpane.html in headless Chromium with the Office.js stand-in
 * on `workbook`, and wait until the task pane lists its steps.
 * @param workbook what the host opens
 * @param requirementSets the Excel played (default: the oldest the manifest admits)
 * @throws Error when dist/ has not been built
 */
export async function openExcelHost(workbook: HostWorkbook, requirementSets = manifestRequirementSets()): Promise<ExcelHost> {
  if (!fs.existsSync(path.join(HOST_DIST, "taskpane.html"))) throw new Error(`${HOST_DIST}/taskpane.html is missing: run \`npm run build\` before the browser tests.`);
  const script = await standInScript();
  const setup: HostSetup = { workbook, requirementSets };
  const { origin, browser, close } = await serveAndLaunch(HOST_DIST);
  try {
    const context = await browser.newContext({ viewport: { width: 400, height: 900 } });
    // What a page's Content-Security-Policy refuses is logged as an error: the policy must allow all the add-in does.
    await context.addInitScript(() => {
      document.addEventListener("securitypolicyviolation", (event) =>
        console.error(`Content Security Policy violation: ${event.effectiveDirective} refused ${event.blockedURI || "inline code"}`),
      );
    });
    const page = await context.newPage();
    const pageErrors: string[] = [];
    page.on("pageerror", (error) => pageErrors.push(error.message));
    page.on("console", (message) => {
      if (message.type() === "error") pageErrors.push(message.text());
    });
    // Nothing leaves the machine: office.js is the stand-in, the setup is the test's, the rest is dist/.
    await page.route("**/*", (route) => {
      const url = route.request().url();
      if (url === OFFICE_JS) return route.fulfill({ contentType: "text/javascript", body: script });
      if (url === `${origin}/__excel-host/setup.json`) return route.fulfill({ contentType: "application/json", body: JSON.stringify(setup) });
      return url.startsWith(origin) ? route.continue() : route.abort();
    });
    await page.goto(`${origin}/taskpane.html`);
    await page.getByRole("tab", { name: /^Step 1, / }).waitFor({ timeout: 60_000 });
    const call = (id: string, ...args: unknown[]) =>
      page.evaluate(([name, values]) => (window as unknown as HostWindow).__excelHost.call(name, values), [id, withOmittedAsNull(id, args)] as const);
    const sheet = (name: string) => page.evaluate((sheetName) => (window as unknown as HostWindow).__excelHost.sheetValues(sheetName), name);
    const stats = () => page.evaluate(() => (window as unknown as HostWindow).__excelHost.stats());
    return { page, pageErrors, origin, call, sheet, stats, close };
  } catch (error) {
    await close();
    throw error;
  }
}

/** The page's handle on the stand-in (officeStandIn.ts). */
interface HostWindow {
  __excelHost: {
    call: (id: string, args: readonly unknown[]) => Promise<HostCell | HostCell[][]>;
    sheetValues: (name: string) => { values: HostScalar[][]; protected: boolean } | undefined;
    stats: () => HostStats;
  };
}
