/**
 * What the browser tests share: the preview server over the built dist/, Debian's Chromium opened on
 * preview.html at 1400x900, running a step from its panel, and saving the workbook through Save .xlsx.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import type { AddressInfo } from "net";
import type { Server } from "http";
import { chromium, type Browser, type Page } from "playwright-core";

/** The repository's root: the nearest folder above this file holding manifest.xml (also from dist-cli/). */
function repositoryRoot(): string {
  let dir = __dirname;
  while (!fs.existsSync(path.join(dir, "manifest.xml"))) {
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error("Cannot find the add-in's folder (no manifest.xml above this file).");
    dir = parent;
  }
  return dir;
}

export const ROOT = repositoryRoot();
export const DIST = path.join(ROOT, "dist");

/**
 * Where the browser tests save their screenshots: the README's docs/screenshots/ when asked for with
 * SOP_SCREENSHOTS=1 (`npm run screenshots`), else a temporary folder, so a test run never changes a
 * tracked file.
 */
export const SCREENSHOTS = process.env.SOP_SCREENSHOTS === "1" ? path.join(ROOT, "docs", "screenshots") : fs.mkdtempSync(path.join(os.tmpdir(), "sop-screenshots-"));

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { createPreviewServer } = require(path.join(ROOT, "scripts", "preview-server.js")) as {
  createPreviewServer: (root: string) => Server;
};

/**
 * Debian's Chromium, headless, as the browser tests open it: no sandbox (root), no GPU, and none of
 * the background connections this machine's closed network would refuse; scrollbars shown as a
 * planner sees them, so the screenshots tell where a table scrolls.
 */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: "/usr/bin/chromium",
    ignoreDefaultArgs: ["--hide-scrollbars"],
    args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
  });
}

/** A folder served on a free local port with Debian's Chromium open, and how to close both. */
export interface ServedBrowser {
  origin: string;
  browser: Browser;
  close: () => Promise<void>;
}

/**
 * Serve a folder (normally dist/) with the preview server on a free local port and launch Chromium.
 * @param root the folder served
 * @example const { origin, browser, close } = await serveAndLaunch(DIST);
 */
export async function serveAndLaunch(root: string): Promise<ServedBrowser> {
  const server = createPreviewServer(root);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const stopServer = () => new Promise((resolve) => server.close(resolve));
  let browser: Browser;
  try {
    browser = await launchChromium();
  } catch (error) {
    await stopServer();
    throw error;
  }
  return {
    origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    browser,
    close: async () => {
      await browser.close();
      await stopServer();
    },
  };
}

/** The preview open in a browser page, with the errors the page threw (and what its security policy refused) since it opened. */
export interface OpenPreview {
  page: Page;
  pageErrors: string[];
  close: () => Promise<void>;
}

/**
 * Serve dist/ on a free local port, launch headless Chromium and open the preview on the sample
 * workbook, waiting until the task pane lists its steps.
 * @throws Error when dist/preview.html has not been built
 */
export async function openPreview(): Promise<OpenPreview> {
  if (!fs.existsSync(path.join(DIST, "preview.html"))) {
    throw new Error("dist/preview.html is missing: run `npm run build` before the browser tests.");
  }
  const { origin, browser, close } = await serveAndLaunch(DIST);
  try {
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 }, acceptDownloads: true });
    const pageErrors: string[] = [];
    page.on("pageerror", (error) => pageErrors.push(error.message));
    // What the page's Content-Security-Policy refused counts as an error: the policy must allow all the preview loads.
    page.on("console", (message) => {
      if (message.type() === "error" && /Content Security Policy/i.test(message.text())) pageErrors.push(message.text());
    });
    await page.goto(`${origin}/preview.html`);
    await page.getByRole("tab", { name: /^Step 1, / }).waitFor({ timeout: 30_000 });
    return { page, pageErrors, close };
  } catch (error) {
    await close();
    throw error;
  }
}

/**
 * Run a step from its panel and return the summary it shows; a problem shown instead fails the test.
 * @param id the step's id (src/taskpane/steps.ts), e.g. "gather"
 * @param button the label of its Run button
 * @param expected when given, wait until the summary matches it (a step run again replaces the last one)
 * @param timeout how long to wait for the summary, in milliseconds (large workbooks take longer)
 */
export async function runStep(page: Page, id: string, button: string, expected?: RegExp, timeout = 60_000): Promise<string> {
  await page.locator(`#sop-step-tab-${id}`).click();
  const panel = page.locator(`#sop-step-panel-${id}`);
  await panel.getByRole("button", { name: button }).click();
  const summary = panel.getByRole("status").filter(expected ? { hasText: expected } : {});
  const problem = panel.getByRole("alert");
  await summary.or(problem).first().waitFor({ timeout });
  if (await problem.isVisible()) throw new Error(`Step ${id} showed a problem: ${await problem.textContent()}`);
  return (await summary.textContent()) ?? "";
}

/** Press Save .xlsx and return the path of the downloaded workbook (in a fresh temporary folder). */
export async function saveWorkbook(page: Page): Promise<string> {
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "Save .xlsx" }).click()]);
  const saved = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "sop-preview-")), download.suggestedFilename());
  await download.saveAs(saved);
  return saved;
}
