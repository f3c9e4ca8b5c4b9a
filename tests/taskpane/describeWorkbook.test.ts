import * as fs from "fs";
import * as path from "path";
import type { StepProgress } from "../../src/cycle/stepTypes";
import { describeWorkbook } from "../../src/taskpane/describeWorkbook";
import type { StepRunContext } from "../../src/taskpane/stepActions";
import { MemoryWorkbook } from "../../src/workbook/memoryWorkbook";

const SAMPLE = path.resolve(__dirname, "../../assets/sample-sop.xlsx");

function context(workbook: MemoryWorkbook, signal = new AbortController().signal, progress: StepProgress[] = []): StepRunContext {
  return { workbook, options: {}, signal, onProgress: (p) => progress.push(p), confirmOverwrite: async () => false };
}

describe("describeWorkbook (step 1's first look)", () => {
  test("lists the sample's sheets and tables and proposes where its planning data is", async () => {
    const book = await MemoryWorkbook.fromXlsx(fs.readFileSync(SAMPLE));
    const progress: StepProgress[] = [];
    const report = await describeWorkbook(context(book, undefined, progress));
    const sheetTable = report.tables?.find((table) => table.title === "Sheets");
    expect(sheetTable?.rows.map((row) => row[0])).toEqual(expect.arrayContaining(["Items", "Sales History", "Resources", "Capacity"]));
    expect(report.summary).toMatch(/^\d+ sheets, \d+ tables?, \d+ named ranges?\.$/);
    const mapping = report.tables?.find((table) => table.title === "Proposed mapping");
    expect(mapping?.rows.map((row) => row[0])).toEqual(["Sales history", "Items", "Resources", "Capacity"]);
    expect(mapping?.rows.every((row) => row[1] !== "not found")).toBe(true);
    expect(progress[progress.length - 1]).toEqual({ fraction: 1, message: "Done" });
  });

  test("a workbook without planning data gets a warning in planner words, not a failure", async () => {
    const book = MemoryWorkbook.empty();
    await book.createSheet("Notes");
    const report = await describeWorkbook(context(book));
    expect(report.tables?.map((table) => table.title)).toContain("Sheets");
    const mapping = report.tables?.find((table) => table.title === "Proposed mapping");
    expect(mapping?.rows.map((row) => row[1])).toEqual(["not found", "not found", "not found", "not found"]);
    expect(report.messages).toEqual([expect.objectContaining({ level: "warning", text: expect.stringContaining("No sales history was found") })]);
  });

  test("stops when cancelled", async () => {
    const book = await MemoryWorkbook.fromXlsx(fs.readFileSync(SAMPLE));
    const controller = new AbortController();
    controller.abort();
    await expect(describeWorkbook(context(book, controller.signal))).rejects.toThrow(/Cancelled/);
  });
});
