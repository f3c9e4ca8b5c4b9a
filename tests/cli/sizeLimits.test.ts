import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { main } from "../../src/cli/main";
import { buildSampleWorkbook, sampleData } from "../../scripts/make-sample";
import { redTomato } from "../core/supply/fixtures";
import { captureOutput, type CommandRun } from "./captureOutput";

/** The heap Node reports: the real one unless a test sets `fakeHeap` (limit and use in MB). */
let fakeHeap: { limitMb: number; usedMb: number } | undefined;
jest.mock("v8", () => {
  const real = jest.requireActual<typeof import("v8")>("v8");
  return {
    ...real,
    getHeapStatistics: () => {
      const stats = real.getHeapStatistics();
      return fakeHeap === undefined ? stats : { ...stats, heap_size_limit: fakeHeap.limitMb * 2 ** 20, used_heap_size: fakeHeap.usedMb * 2 ** 20 };
    },
  };
});

/** Run `sop` with the given arguments, capturing what it prints. */
function sop(...args: string[]): Promise<CommandRun> {
  return captureOutput(() => main(args));
}

describe("size limits answered before any work", () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "sop-size-"));
  const huge = path.join(dir, "huge.json");
  fs.writeFileSync(huge, JSON.stringify({ ...redTomato, periods: 1e9 }));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  test("sop supply refuses periods: 1e9 with the field, the value and the limit, exit 1, writing nothing", async () => {
    const out = path.join(dir, "plan.json");
    const result = await sop("supply", huge, "--out", out);
    expect(result.code).toBe(1);
    expect(result.stderr).toBe("sop supply: periods is 1,000,000,000; a plan has at most 120 periods (ten years of months). Plan a shorter horizon, or in quarters.\n");
    expect(fs.existsSync(out)).toBe(false);
  });

  test("sop scenario refuses the same model the same way", async () => {
    const scenarios = path.join(dir, "scenarios.json");
    fs.writeFileSync(scenarios, JSON.stringify([{ name: "Demand +10%", demandFactor: 1.1 }]));
    const result = await sop("scenario", huge, scenarios);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^sop scenario: periods is 1,000,000,000; a plan has at most 120 periods/);
    expect(result.stdout).toBe("");
  });

  test("sop forecast refuses a horizon beyond its limit", async () => {
    const history = path.join(dir, "history.csv");
    fs.writeFileSync(history, "series_id,period,value\nA,2024-01,1\nA,2024-02,2\n");
    const result = await sop("forecast", history, "--horizon", "1000000000", "--out", path.join(dir, "f.csv"));
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^sop forecast: The horizon must be a whole number of periods from 1 to 120; got 1000000000\./);
  });

  describe("sop run within the memory Node allows", () => {
    const sample = path.join(__dirname, "..", "..", "assets", "sample-sop.xlsx");
    const heap = (limitMb: number, usedMb: number): void => {
      fakeHeap = { limitMb, usedMb };
    };
    afterEach(() => (fakeHeap = undefined));

    test("refuses before step 1 a workbook larger than the heap holds, saying the largest that fits", async () => {
      heap(256, 50);
      const out = path.join(dir, "small-heap.xlsx");
      const result = await sop("run", sample, "--out", out);
      expect(result.code).toBe(1);
      expect(result.stderr).toMatch(/^sop run: .*sample-sop\.xlsx holds [\d,]+ cells of data .* this Node allows 256 MB\. With this memory the cycle fits about 0 cells .*--max-old-space-size=\d+/);
      expect(result.stderr).not.toMatch(/Finding your data/);
      expect(fs.existsSync(out)).toBe(false);
    });

    test("warns that a workbook beyond the largest measured will take longer before refusing it for the heap", async () => {
      const large = path.join(dir, "large.xlsx");
      await buildSampleWorkbook(sampleData(20240101, 300)).xlsx.writeFile(large);
      heap(512, 50);
      const result = await sop("run", large, "--out", path.join(dir, "large-out.xlsx"));
      expect(result.code).toBe(1);
      expect(result.stderr).toMatch(/^sop run: .*large\.xlsx holds 60,182 cells of data \(about 1,204 items\), more than the largest measured to finish in 2 minutes and 1\.5 GB \(1,000 items x 36 months/);
      expect(result.stderr).toMatch(/this Node allows 512 MB\. With this memory the cycle fits about 27,787 cells \(about 555 items x 36 months\)/);
    });

    test("stops with a message, writing nothing, when the heap nears its limit during the steps", async () => {
      heap(4096, 4000);
      const out = path.join(dir, "full-heap.xlsx");
      const result = await sop("run", sample, "--out", out);
      expect(result.code).toBe(1);
      expect(result.stderr).toMatch(/^sop run: Memory ran out at "Gather: Finding your data": 4,000 MB used of the 4,096 MB this Node allows\. Nothing was written\./m);
      expect(fs.existsSync(out)).toBe(false);
    });
  });
});
