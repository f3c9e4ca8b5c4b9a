import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { buildLayouts } from "../../scripts/make-layouts";
import { runHistoryCommand } from "../../src/cli/historyCommand";
import { PlanningError } from "../../src/core/errors";
import { captureOutput } from "./captureOutput";

const folder = (): string => fs.mkdtempSync(path.join(os.tmpdir(), "sop-history-"));

describe("sop history", () => {
  it("writes the sample's history in long format, one line per item and month, blanks kept blank", async () => {
    const out = path.join(folder(), "history.csv");
    const { code, stdout, stderr } = await captureOutput(() => runHistoryCommand(["assets/sample-sop.xlsx", "--out", out]));
    expect(code).toBe(0);
    expect(stdout).toContain("Wrote 40 series x 36 months");
    expect(stderr).toMatch(/^Read 40 rows/);
    const lines = fs.readFileSync(out, "utf8").trim().split("\n");
    expect(lines[0]).toBe("item,location,period,quantity");
    expect(lines).toHaveLength(1 + 40 * 36);
    expect(lines[1]).toMatch(/^CH-101,,2023-01,\d+$/);
    expect(lines.filter((line) => line.endsWith(","))).toHaveLength(4);
  });

  it("writes weekly history in months with its locations, or in ISO weeks when asked", async () => {
    const layout = buildLayouts().find((entry) => entry.name === "weekly-iso")!;
    const dir = folder();
    const book = path.join(dir, "weekly.xlsx");
    fs.writeFileSync(book, new Uint8Array((await layout.book.xlsx.writeBuffer()) as ArrayBuffer));
    const weeks = path.join(dir, "weeks.csv");
    expect((await captureOutput(() => runHistoryCommand([book, "--out", weeks, "--bucket", "week"]))).code).toBe(0);
    const first = fs.readFileSync(weeks, "utf8").split("\n")[1].split(",");
    expect(first.slice(0, 3)).toEqual(["CH-101", "Paris", "2025-W01"]);
    expect(Number(first[3])).toBe(layout.weeks!["CH-101|Paris|2025-W01"]);
    const months = path.join(dir, "months.csv");
    expect((await captureOutput(() => runHistoryCommand([book, "--out", months]))).code).toBe(0);
    const january = fs.readFileSync(months, "utf8").split("\n").find((line) => line.startsWith("CH-101,Paris,2025-01,"))!;
    expect(Number(january.split(",")[3])).toBeCloseTo(layout.months["CH-101|Paris|2025-01"], 6);
  });

  it("writes the totals by customer of order lines with --customers: they add up to the history the series sum over", async () => {
    const layout = buildLayouts().find((entry) => entry.name === "order-lines")!;
    const dir = folder();
    const book = path.join(dir, "lines.xlsx");
    fs.writeFileSync(book, new Uint8Array((await layout.book.xlsx.writeBuffer()) as ArrayBuffer));
    const [out, customers] = [path.join(dir, "history.csv"), path.join(dir, "customers.csv")];
    expect((await captureOutput(() => runHistoryCommand([book, "--out", out, "--customers", customers]))).code).toBe(0);
    const totals = fs.readFileSync(customers, "utf8").trim().split("\n");
    expect(totals[0]).toBe("customer,channel,quantity");
    expect(totals.slice(1).every((line) => /^Customer \d+,,\d+(\.\d+)?$/.test(line))).toBe(true);
    const sum = (lines: string[], column: number): number => lines.reduce((all, line) => all + Number(line.split(",")[column] || 0), 0);
    const expected = Object.values(layout.months).reduce((all, value) => all + value, 0);
    expect(sum(totals.slice(1), 2)).toBeCloseTo(expected, 6);
    expect(sum(fs.readFileSync(out, "utf8").trim().split("\n").slice(1), 3)).toBeCloseTo(expected, 6);
    await expect(runHistoryCommand(["assets/sample-sop.xlsx", "--out", path.join(dir, "h.csv"), "--customers", customers])).rejects.toThrow(/no customer or channel column/);
  });

  it("refuses a missing --out and an unknown bucket", async () => {
    await expect(runHistoryCommand(["assets/sample-sop.xlsx"])).rejects.toThrow(PlanningError);
    await expect(runHistoryCommand(["assets/sample-sop.xlsx", "--out", "x.csv", "--bucket", "day"])).rejects.toThrow(/--bucket is month or week/);
  });
});
