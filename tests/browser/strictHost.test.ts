/**
 * The built add-in under Excel's own rules (tests/browser/excelHost.ts; run `npm run build` first):
 * taskpane.html and functions.js as Excel loads them from the manifest's URLs, with Office.js answered by
 * the strict stand-in on the oldest Excel the manifest admits. The six steps run in the pane on the
 * bundled sample (with names of every kind Excel allows); every custom function in functions.json answers good input with Excel's values and
 * bad input with the error (and message) Excel would show; the manifest's help page is served.
 */
import * as fs from "fs";
import * as path from "path";
import ExcelJS from "exceljs";
import type { Page } from "playwright-core";
import type { HostCell } from "./hostTypes";
import { HOST_DIST, hostWorkbookOf, manifestRequirementSets, openExcelHost, type ExcelHost } from "./excelHost";
import { runStep } from "./previewHarness";

const APPROVER = "Dana Planner";

let host: ExcelHost;

beforeAll(async () => {
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(path.join(HOST_DIST, "assets/sample-sop.xlsx"));
  const workbook = hostWorkbookOf(book);
  // Names of every kind Excel allows, beside the sample's tables: step 1 must list them or skip them, never fail.
  workbook.names.push(
    { name: "AllSales", formula: "='Sales History'!$B:$B" },
    { name: "FirstRows", formula: "=Items!$2:$5" },
    { name: "TwoAreas", formula: "=Items!$A$1:$A$3,Items!$C$1:$C$3" },
    { name: "Rolling", formula: "=OFFSET(Items!$A$1,0,0,3,1)" },
    { name: "Rate", formula: "=0.25" },
    { name: "LocalPick", formula: "=Items!$A$2:$A$5", scope: "Items" },
  );
  host = await openExcelHost(workbook);
}, 180_000);

afterAll(async () => {
  await host?.close();
});

/** The policy a page's Content-Security-Policy <meta> sets ("" when it has none). */
const contentSecurityPolicy = (page: Page): Promise<string> =>
  page.evaluate(() => document.querySelector('meta[http-equiv="Content-Security-Policy"]')?.getAttribute("content") ?? "");

/** An error value as a cell shows it: the code, and the message when Excel keeps one. */
const error = (code: string, message?: RegExp) => (message ? { error: code, message: expect.stringMatching(message) } : { error: code });

/** A column range as Excel passes it: one row of one cell per value. */
const column = (...values: (number | string)[]) => values.map((value) => [value]);

describe("Excel's rules the host plays", () => {
  test("the Excel played is the oldest the manifest admits, with CustomFunctionsRuntime 1.2 for CustomFunctions.Error", () => {
    const sets = manifestRequirementSets();
    expect(sets).toMatchObject({ SharedRuntime: "1.1", ExcelApi: expect.any(String) });
    expect(Number(sets.CustomFunctionsRuntime)).toBeGreaterThanOrEqual(1.2);
  });

  test("the page registers every function of functions.json", async () => {
    const metadata = JSON.parse(fs.readFileSync(path.join(HOST_DIST, "functions.json"), "utf8")) as { functions: { id: string }[] };
    const registered = await host.page.evaluate(() => (window as unknown as { __excelHost: { functions: () => string[] } }).__excelHost.functions());
    expect(registered.sort()).toEqual(metadata.functions.map((f) => f.id).sort());
  });

  test("the help page the manifest's SupportUrl names is built and served", async () => {
    const manifest = fs.readFileSync(path.join(HOST_DIST, "manifest.xml"), "utf8");
    const support = /<SupportUrl DefaultValue="([^"]+)"/.exec(manifest)?.[1] ?? "";
    const help = await host.page.context().newPage();
    const helpErrors: string[] = [];
    help.on("console", (message) => {
      if (message.type() === "error") helpErrors.push(message.text());
    });
    const response = await help.goto(`${host.origin}${new URL(support).pathname}`);
    expect(response?.status()).toBe(200);
    await expect(help.title()).resolves.toBe("S&OP Planner help");
    await expect(help.getByRole("heading", { level: 2 }).allInnerTexts()).resolves.toEqual(["Open the pane", "Functions", "What Excel you need"]);
    // A static page: its policy allows no script at all, and the page needs none.
    expect(await contentSecurityPolicy(help)).toMatch(/default-src 'none'/);
    expect(await help.evaluate(() => document.scripts.length)).toBe(0);
    expect(helpErrors).toEqual([]);
    await help.close();
  });
});

/**
 * Each function of functions.json with one good input (Excel's argument shapes: 2-D arrays for ranges,
 * null for an omitted optional argument) and its known answer, and bad inputs with what the cell shows.
 */
const CASES: Record<string, { good: [unknown[], HostCell | HostCell[][]]; bad: [unknown[], HostCell][] }> = {
  GAP: {
    good: [[column(100, 120), column(90, 130), null, null, null], [[-10], [10]]],
    bad: [
      [[column(100, "lots"), column(1, 2)], error("#VALUE!", /value 2 of demand is "lots", not a number/)],
      [[column(100, "#N/A"), column(1, 2)], error("#N/A", /error #N\/A/)],
    ],
  },
  ACCURACY: {
    good: [[column(10, 20), column(12, 18), "mae", null, null], 2],
    bad: [[[column(10, 20), column(12), null, null, null], error("#VALUE!", /actual has 2 periods but forecast has 1 period/)]],
  },
  FORECAST: {
    good: [[column(5, 6, 7), 2, 1, "naive", null], [[7], [7]]],
    // A horizon out of range was #NUM!, whose message Excel drops.
    bad: [[[column(5, 6, 7), 10000, null, null, null], error("#VALUE!", /horizon must be a whole number from 1 to 120; you gave 10000/)]],
  },
  "FORECAST.MODEL": {
    good: [[column(5, 6, 7, 8), 1, "naive"], expect.arrayContaining([["Model", "Naive"], ["Season length", 1], ["Observations", 4]])],
    bad: [[[[[1, 2], [3, 4]], null, null], error("#VALUE!", /history must be one row or one column, but the range has 2 rows and 2 columns/)]],
  },
  SEASONALITY: {
    good: [[column(10, 20, 30, 40, 10, 20, 30, 40, 10, 20, 30, 40, 10, 20, 30, 40)], 4],
    bad: [[[column(10, "high", 30)], error("#VALUE!", /value 2 of history is "high", not a number/)]],
  },
  CLEAN: {
    good: [[column(10, "", 30), "fill", 1], [[10], [20], [30]]],
    bad: [[[column(10, 20, 30), "median", null], error("#VALUE!", /method "median" is not known: use one of all, fill, outliers/)]],
  },
  FINANCIALS: {
    good: [[column(10, 10, 5), [[2]], [[1]], 0.1], [[20], [10], [10], [5], [0.5]]],
    bad: [[[[[1, 2]], [[2]], [[1]], null], error("#VALUE!", /plan needs three rows or three columns/)]],
  },
  DISAGGREGATE: {
    good: [[10, column(1, 1, 3), null], [[2], [2], [6]]],
    bad: [[[10, column(1, 1, 3), 20], error("#VALUE!", /decimals must be a whole number from 0 to 10; you gave 20/)]],
  },
  RECONCILE: {
    // two items adding up to their family, reconciled by OLS: each moves by a third of the gap (hand-computed)
    good: [[[[1001, 4], [1002, 6], ["Family", 12]], [[1001, "Family"], [1002, "Family"]], "ols", null, null], [[expect.closeTo(14 / 3, 9)], [expect.closeTo(20 / 3, 9)], [expect.closeTo(34 / 3, 9)]]],
    bad: [[[[["A", 1], ["B", 2]], [["A", "T"], ["B", "T"]], null, null, null], error("#VALUE!", /The hierarchy lists "T" but forecasts have no row for it/)]],
  },
  FVA: {
    good: [
      [column(10, 20), column(12, 18), column(11, 19), column(10, 21), null],
      [
        ["Step", "Error", "Added vs naive", "Added vs previous"],
        ["naive", 40 / 3, 0, 0],
        ["statistical", 20 / 3, 20 / 3, 20 / 3],
        ["consensus", 10 / 3, 10, 10 / 3],
      ],
    ],
    bad: [[[column(10, 20), column(12), column(11, 19), column(10, 21), null], error("#VALUE!", /actual has 2 periods but naive has 1 period/)]],
  },
  ABCXYZ: {
    good: [[[[100, 100, 100], [1, 2, 3]], null], [["AX"], ["CX"]]],
    bad: [[[[[100, 100, 100], [1, 2, 3]], column(5)], error("#VALUE!", /history has 2 items but values has 1/)]],
  },
  INVENTORY: {
    good: [[10, column(5, 5), column(8, 8), null], [[7], [4]]],
    bad: [[[10, column(5, 5), column(8, 8), "weekly"], error("#VALUE!", /mode "weekly" is not known: use one of backlog, lost/)]],
  },
  SAFETYSTOCK: {
    good: [[column(90, 110, 100, 100), 1, 0.95, null], expect.closeTo(13.43, 2)],
    // The engine calls a lead time of 0 an invalid number: as #NUM! its message never reached the planner.
    bad: [
      [[column(90, 110, 100, 100), 0, 0.95, null], error("#VALUE!", /^The lead time must be more than 0 periods\.$/)],
      // A level of 1.5 gave -34.18 units, 0.3 gave -8.26.
      [[column(90, 110, 100, 100), 1, 1.5, null], error("#VALUE!", /^serviceLevel must be a share from 0\.5 to 0\.9999 or a percent from 50 to 99\.99/)],
    ],
  },
  CAPACITY: {
    good: [[column(50, 100, 10), column(100, 100, 0)], [[0.5], [1], [{ error: "#DIV/0!" }]]],
    bad: [[[[[50, 100], [1, 2]], column(100, 100)], error("#VALUE!", /load must be one row or one column/)]],
  },
  SUPPLYPLAN: {
    // Solved by HiGHS inside the page: highs.wasm must load from beside the page, not the build machine's disk.
    good: [
      [column(100, 300), column(200, 200), column(5, 8, "", 1, 4), null, null, null],
      [
        [200, 0, 0, 100, 0, 0],
        [200, 0, 0, 0, 0, 0],
      ],
    ],
    bad: [[[column(100, 300), column(200, 200), column(5, 8), null, null, null], error("#VALUE!", /costs needs at least regular, overtime/)]],
  },
};

describe("every custom function, called through the registered bundle as Excel calls it", () => {
  test("the cases cover every function of functions.json", () => {
    const metadata = JSON.parse(fs.readFileSync(path.join(HOST_DIST, "functions.json"), "utf8")) as { functions: { id: string }[] };
    expect(Object.keys(CASES).sort()).toEqual(metadata.functions.map((f) => f.id).sort());
  });

  test.each(Object.keys(CASES))("=SOP.%s answers good input with its known values", async (id) => {
    const [args, expected] = CASES[id].good;
    expect(await host.call(id, ...args)).toEqual(expected);
  });

  test.each(Object.keys(CASES))("=SOP.%s answers bad input with the error and message Excel shows", async (id) => {
    for (const [args, expected] of CASES[id].bad) expect(await host.call(id, ...args)).toEqual(expected);
  });

  test("a per-cell #DIV/0! shows without a message, as Excel drops it", async () => {
    expect(await host.call("GAP", column(0, 100), column(5, 90), "percent", null, null)).toEqual([[{ error: "#DIV/0!" }], [-10]]);
  });
});

describe("the six steps in the task pane on the bundled sample", () => {
  test("steps 1 to 6 run, the approved plan is a protected sheet with its audit row", async () => {
    const { page } = host;
    expect(await runStep(page, "gather", "Check the workbook")).toMatch(/^Found 40 items with 36 periods of history/);
    expect(await runStep(page, "demand", "Forecast demand")).toMatch(/^Forecast 40 items for 18 months/);
    expect(await runStep(page, "supply", "Plan supply")).toMatch(/^Optimal plan costs/);
    expect(await runStep(page, "reconcile", "Compare scenarios")).not.toBe("");
    await page.locator("#sop-step-tab-present").click();
    const present = page.locator("#sop-step-panel-present");
    await present.getByLabel("Decision").selectOption("approve");
    await present.getByLabel("Your name").fill(APPROVER);
    expect(await runStep(page, "present", "Record the decision", /"Plan 2026-01 v1"/)).toMatch(/Approved by Dana Planner: written to "Plan 2026-01 v1" \(protected\)/);
    expect(await runStep(page, "execute", "Check plan vs actual")).toMatch(/^No actuals yet for Plan 2026-01 v1/);

    expect((await host.sheet("Plan 2026-01 v1"))?.protected).toBe(true);
    const audit = await host.sheet("SOP Audit Log");
    expect(audit?.values.slice(1).map((row) => row.filter((cell) => cell === APPROVER || cell === "Plan 2026-01 v1").sort())).toEqual([[APPROVER, "Plan 2026-01 v1"].sort()]);
    // Every batch may wait for a cell edit to end; no request or response passed Excel on the web's 5 MB.
    const stats = await host.stats();
    expect(stats.runsWithoutDelay).toBe(0);
    expect(stats.largestRequest.bytes).toBeLessThan(5 * 1024 * 1024);
    expect(host.pageErrors).toEqual([]);
  }, 300_000);
});

// Last: its probe leaves a refused script in the host's errors.
describe("the pane's Content-Security-Policy", () => {
  test("allows only its own origin, Office's script and the wasm, and what it refuses is an error of the host", async () => {
    const policy = await contentSecurityPolicy(host.page);
    expect(policy).toMatch(/default-src 'self'/);
    expect(policy).toMatch(/script-src 'self' 'wasm-unsafe-eval' https:\/\/appsforoffice\.microsoft\.com;/);
    expect(policy).toMatch(/object-src 'none'/);
    expect(policy).not.toMatch(/'unsafe-eval'|script-src[^;]*'unsafe-inline'|\*/);
    // The policy is enforced, and what it refuses reaches the host's errors (so the steps above, which end with
    // no errors, loaded nothing it refuses): an inline script is refused and logged.
    const logged = host.page.waitForEvent("console", { predicate: (message) => /Content Security Policy violation: script-src-elem refused inline/.test(message.text()), timeout: 10_000 });
    const refused = await host.page.evaluate(
      () =>
        new Promise<string>((resolve) => {
          window.addEventListener("securitypolicyviolation", (event) => resolve(event.effectiveDirective), { once: true });
          const script = document.createElement("script");
          script.textContent = "window.__inlineRan = true;";
          document.head.append(script);
        }),
    );
    expect(refused).toBe("script-src-elem");
    await logged;
    expect(host.pageErrors).toContainEqual(expect.stringMatching(/Content Security Policy violation: script-src-elem refused inline/));
    expect(await host.page.evaluate(() => (window as unknown as { __inlineRan?: boolean }).__inlineRan)).toBeUndefined();
  });
});
