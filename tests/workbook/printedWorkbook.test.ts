/**
 * The planned sample workbook as a board member gets it: saved by the command line, opened and printed
 * by LibreOffice (headless, to PDF). Needs `soffice` (Debian libreoffice-calc-nogui) and poppler-utils
 * (pdfinfo, pdftotext); without soffice the test is skipped with a message saying so.
 */
import { execFileSync, spawnSync } from "child_process";
import * as fs from "fs";
import JSZip from "jszip";
import * as os from "os";
import * as path from "path";
import { runCycle } from "../../src/cycle/runCycle";
import { SHEETS } from "../../src/cycle/sheets";
import { MemoryWorkbook } from "../../src/workbook/memoryWorkbook";

/** Pages LibreOffice printed the demo's workbook on before its sheets had widths, print setup and charts. */
const PAGES_BEFORE = 97;

const hasSoffice = spawnSync("soffice", ["--version"], { encoding: "utf8" }).status === 0;
if (!hasSoffice) console.warn("printedWorkbook.test: skipped, LibreOffice (soffice) is not installed: apt-get install libreoffice-calc-nogui poppler-utils");
const describeIfSoffice = hasSoffice ? describe : describe.skip;

/** Text of each page of a PDF (pdftotext puts a form feed between pages). */
function pageTexts(pdf: string): string[] {
  return execFileSync("pdftotext", ["-layout", pdf, "-"], { encoding: "utf8", maxBuffer: 64 * 1024 * 1024 }).split("\f").slice(0, -1);
}

describeIfSoffice("the planned sample workbook printed by LibreOffice", () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "sop-printed-"));
  const xlsx = path.join(dir, "sample-planned.xlsx");
  let pages: string[];

  beforeAll(async () => {
    const book = await MemoryWorkbook.fromXlsx(fs.readFileSync(path.join(__dirname, "..", "..", "assets", "sample-sop.xlsx")));
    await runCycle(book, { approver: "Demo Planner" });
    fs.writeFileSync(xlsx, await book.toXlsx());
    execFileSync("soffice", ["--headless", `-env:UserInstallation=file://${path.join(dir, "profile")}`, "--convert-to", "pdf", "--outdir", dir, xlsx], { stdio: "ignore", timeout: 240_000 });
    pages = pageTexts(path.join(dir, "sample-planned.pdf"));
  }, 600_000);

  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  test("prints on far fewer pages than before, and no number shows as ###", () => {
    expect(pages.length).toBeGreaterThan(10);
    expect(pages.length).toBeLessThan(PAGES_BEFORE / 2);
    expect(pages.filter((text) => text.includes("###"))).toEqual([]);
  });

  test("prints the executive summary, key figures and its four chart titles, on one page", () => {
    const summary = pages.filter((text) => text.includes("Margin after plan cost"));
    expect(summary).toHaveLength(1);
    for (const title of ["Demand and supply per month", "Inventory at month end", "Capacity use per month", "Scenarios compared"]) expect(summary[0]).toContain(title);
  });

  test("holds native charts on SOP Summary: chart parts with their data references, a drawing the sheet links to", async () => {
    const zip = await JSZip.loadAsync(fs.readFileSync(xlsx));
    const charts = Object.keys(zip.files).filter((name) => /^xl\/charts\/chart\d+\.xml$/.test(name));
    expect(charts).toHaveLength(4);
    const first = (await zip.file("xl/charts/chart1.xml")?.async("string")) ?? "";
    expect(first).toContain("<c:barChart>");
    expect(first).toMatch(/<c:f>'SOP Summary'!\$B\$\d+:\$B\$\d+<\/c:f>/);
    const types = (await zip.file("[Content_Types].xml")?.async("string")) ?? "";
    expect(types).toContain('PartName="/xl/charts/chart4.xml"');
    const workbook = (await zip.file("xl/workbook.xml")?.async("string")) ?? "";
    const id = new RegExp(`name="${SHEETS.summary}"[^>]*r:id="(rId\\d+)"`).exec(workbook)?.[1];
    const rels = (await zip.file("xl/_rels/workbook.xml.rels")?.async("string")) ?? "";
    const sheetPart = new RegExp(`Id="${id}"[^>]*Target="([^"]+)"`).exec(rels)?.[1] ?? "";
    const sheet = (await zip.file(`xl/${sheetPart}`)?.async("string")) ?? "";
    expect(sheet).toMatch(/<drawing r:id="rId\d+"\/>/);
  });
});
