import * as fs from "fs";
import JSZip from "jszip";
import * as os from "os";
import * as path from "path";
import { runPackCommand } from "../../src/cli/packCommand";
import { decisionsNeeded, executivePack } from "../../src/cycle/executivePack";
import { PERCENT_FORMAT, WHOLE_FORMAT } from "../../src/cycle/ownedSheets";
import type { SummaryCharts } from "../../src/cycle/presentStep";
import { runCycle } from "../../src/cycle/runCycle";
import { MemoryWorkbook } from "../../src/workbook/memoryWorkbook";

const samplePath = path.join(__dirname, "..", "..", "assets", "sample-sop.xlsx");

// pptxgenjs, seeing Node, starts a dynamic import() of node:fs for slide media (this deck has none), which
// jest's module sandbox rejects without --experimental-vm-modules; in jest it is told it is not in Node.
// The command line runs it in plain Node, where the import works.
Object.defineProperty(process, "release", { value: { ...process.release, name: "jest" } });

/** The text runs of a slide's XML, joined. */
const slideText = (xml: string): string => [...xml.matchAll(/<a:t>([^<]*)<\/a:t>/g)].map((m) => m[1]).join(" ");

describe("the executive pack", () => {
  test("asks to approve the plan, to authorise the hours beyond regular capacity, and to accept lost sales", () => {
    const kpis = [
      { label: "Lost sales (units)", value: 12.5, format: WHOLE_FORMAT },
      { label: "Fill rate %", value: 0.987, format: PERCENT_FORMAT },
      { label: "Margin after plan cost", value: 1234567, format: WHOLE_FORMAT },
    ];
    const charts: SummaryCharts = {
      flows: [["Period", "Demand", "Supply"]],
      stock: [["Period", "Inventory"]],
      capacity: [
        ["Period", "Regular hours", "Hours used"],
        ["2026-01", 100, 130],
        ["2026-02", 100, 90],
        ["2026-03", 100, 125.4],
      ],
      scenarios: [
        ["Scenario", "Revenue", "Total cost", "Margin"],
        ["Base", 10, 5, 5],
        ["Demand +10%", 11, 6, 5],
      ],
    };
    expect(decisionsNeeded("2026-01", kpis, charts)).toEqual([
      { decision: "Approve the plan for 2026-01", why: "fill rate 98.7%, margin after plan cost 1,234,567; scenarios compared: Demand +10%" },
      { decision: "Authorise overtime or subcontracting", why: "55 hours beyond regular capacity in 2 month(s): 2026-01, 2026-03" },
      { decision: "Accept the demand the plan does not serve, or add capacity", why: "lost sales of 13 units" },
    ]);
  });

  test("a planned workbook makes a deck: headline figures, three charts, scenarios compared, decisions needed", async () => {
    const book = await MemoryWorkbook.fromXlsx(fs.readFileSync(samplePath));
    const cycle = await runCycle(book, { demand: { horizon: 6 }, approver: "Dana" });
    const deck = await JSZip.loadAsync(await executivePack(book));
    const slides = Object.keys(deck.files).filter((name) => /^ppt\/slides\/slide\d+\.xml$/.test(name)).sort();
    expect(slides).toHaveLength(4);
    const text = await Promise.all(slides.map(async (name) => slideText((await deck.file(name)?.async("string")) ?? "")));
    expect(text[0]).toContain("S&amp;OP plan 2026-01: headline figures");
    const fill = cycle.present.kpis.find((k) => k.label === "Fill rate %")!;
    expect(text[0]).toContain(`Fill rate % ${(fill.value * 100).toFixed(1)}%`);
    expect(text[2]).toContain("Scenarios compared");
    expect(text[3]).toContain("Approve the plan for 2026-01: fill rate");
    expect(Object.keys(deck.files).filter((name) => /^ppt\/charts\/chart\d+\.xml$/.test(name))).toHaveLength(4);

    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "sop-pack-"));
    try {
      const planned = path.join(dir, "planned.xlsx");
      fs.writeFileSync(planned, await book.toXlsx());
      expect(await runPackCommand([planned, "--out", path.join(dir, "pack.pptx")])).toBe(0);
      expect((await JSZip.loadAsync(fs.readFileSync(path.join(dir, "pack.pptx")))).file("ppt/slides/slide4.xml")).not.toBeNull();
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }, 300_000);

  test("`sop pack` on a workbook not planned yet says to run step 3, and wants a .pptx", async () => {
    await expect(runPackCommand([samplePath, "--out", path.join(os.tmpdir(), "pack.pptx")])).rejects.toThrow(/run step 3/);
    await expect(runPackCommand([samplePath, "--out", "pack.pdf"])).rejects.toThrow(/should end in \.pptx/);
  });
});
