import ExcelJS from "exceljs";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { main } from "../../src/cli/main";
import { readAuditLog, verifyApproval } from "../../src/cycle/approval";
import { MemoryWorkbook } from "../../src/workbook/memoryWorkbook";
import { SHEETS } from "../../src/cycle/sheets";
import { FIXTURE_MONTHS, twoLocationBook } from "../cycle/locationFixture";
import { captureOutput, type CommandRun } from "./captureOutput";

const sample = path.join(__dirname, "..", "..", "assets", "sample-sop.xlsx");

/** Run `sop` with the given arguments, capturing what it prints. */
function sop(...args: string[]): Promise<CommandRun> {
  return captureOutput(() => main(args));
}

describe("sop run", () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "sop-run-"));

  test("runs steps 1 to 5 on the sample, approves, and writes a new workbook, leaving the input untouched", async () => {
    const before = fs.readFileSync(sample);
    const out = path.join(dir, "planned.xlsx");
    const result = await sop("run", sample, "--out", out, "--approve", "Dana Planner", "--horizon", "6");
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/1 Gather & check data[\s\S]*5 Present & approve[\s\S]*Approved by Dana Planner/);
    expect(result.stdout).toMatch(/\n {2}Fill rate % +\d{1,3}\.\d%\n/);
    expect(result.stdout).toMatch(/\n {2}Revenue +\d{1,3}(,\d{3})*\.\d\d\n/);
    expect(fs.readFileSync(sample).equals(before)).toBe(true);
    const book = await MemoryWorkbook.fromXlsx(fs.readFileSync(out));
    const [entry] = await readAuditLog(book);
    expect(entry.who).toBe("Dana Planner");
    expect(await verifyApproval(book, entry)).toBe(true);
  }, 120_000);

  test("refuses to overwrite its input, an unreadable file, a damaged workbook, an empty one and a bad horizon", async () => {
    expect((await sop("run", sample, "--out", sample)).stderr).toMatch(/never overwrites your files/);
    expect((await sop("run", path.join(dir, "missing.xlsx"), "--out", path.join(dir, "x.xlsx"))).stderr).toMatch(/no such file/);
    const damaged = path.join(dir, "damaged.xlsx");
    fs.writeFileSync(damaged, "not a zip");
    expect((await sop("run", damaged, "--out", path.join(dir, "x.xlsx"))).stderr).toMatch(/not an Excel workbook/);
    const empty = path.join(dir, "empty.xlsx");
    const blankBook = new ExcelJS.Workbook();
    blankBook.addWorksheet("Sheet1");
    fs.writeFileSync(empty, new Uint8Array((await blankBook.xlsx.writeBuffer()) as ArrayBuffer));
    const blank = await sop("run", empty, "--out", path.join(dir, "x.xlsx"));
    expect(blank.code).toBe(1);
    expect(blank.stderr).toMatch(/No sales history is mapped/);
    expect((await sop("run", sample, "--out", path.join(dir, "x.xlsx"), "--horizon", "10000")).stderr).toMatch(/--horizon must be a whole number of months from 1 to 36/);
    expect(fs.existsSync(path.join(dir, "x.xlsx"))).toBe(false);
  });

  test("refuses an output that is a symbolic or a hard link to the input", async () => {
    const copy = path.join(dir, "book.xlsx");
    fs.copyFileSync(sample, copy);
    const before = fs.readFileSync(copy);
    const symbolic = path.join(dir, "symbolic.xlsx");
    const hard = path.join(dir, "hard.xlsx");
    fs.symlinkSync(copy, symbolic);
    fs.linkSync(copy, hard);
    for (const out of [symbolic, hard]) {
      const result = await sop("run", copy, "--out", out);
      expect(result.code).toBe(1);
      expect(result.stderr).toMatch(/--out must name a new file, not your input .*book.xlsx/);
    }
    expect(fs.readFileSync(copy).equals(before)).toBe(true);
  });

  test("never replaces a workbook holding approved plans without --force, and with it keeps them as earlier versions that still verify", async () => {
    const first = path.join(dir, "approved.xlsx");
    expect((await sop("run", sample, "--out", first, "--approve", "Dana Planner", "--horizon", "6")).code).toBe(0);
    const approved = fs.readFileSync(first);
    const refused = await sop("run", sample, "--out", first, "--horizon", "6");
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/approved.xlsx already holds 1 approved plan \(Plan \S+ v1\)[\s\S]*--force/);
    expect(fs.readFileSync(first).equals(approved)).toBe(true);

    const again = await sop("run", first, "--out", path.join(dir, "again.xlsx"), "--approve", "Sam Lead", "--horizon", "6");
    expect(again.code).toBe(0);
    const log = await readAuditLog(await MemoryWorkbook.fromXlsx(fs.readFileSync(path.join(dir, "again.xlsx"))));
    expect(log.map((entry) => [entry.who, entry.version])).toEqual([
      ["Dana Planner", 1],
      ["Sam Lead", 2],
    ]);

    const receipt = path.join(dir, "forced-receipt.json");
    const forced = await sop("run", sample, "--out", first, "--horizon", "6", "--force", "--approve", "Kim Ops", "--receipt", receipt);
    expect(forced.code).toBe(0);
    expect(forced.stdout).toMatch(/Kept from the file it replaced: Plan 2026-01 v1 \(approved earlier; they still verify\)/);
    const replaced = await MemoryWorkbook.fromXlsx(fs.readFileSync(first));
    const kept = await readAuditLog(replaced);
    expect(kept.map((entry) => [entry.who, entry.sheet])).toEqual([
      ["Dana Planner", "Plan 2026-01 v1"],
      ["Kim Ops", "Plan 2026-01 v2"],
    ]);
    expect(kept[0]).toEqual((await readAuditLog(await MemoryWorkbook.fromXlsx(approved)))[0]);
    expect(await replaced.read("Plan 2026-01 v1")).toEqual(await (await MemoryWorkbook.fromXlsx(approved)).read("Plan 2026-01 v1"));
    const verified = await sop("verify", first, "--receipt", receipt);
    expect(verified.stdout).toMatch(/2 approved versions/);
    expect(verified.code).toBe(0);
    expect(fs.readdirSync(dir).filter((name) => name.endsWith(".part") || name.includes("(replaced"))).toEqual([]);

    const diverged = await sop("run", path.join(dir, "again.xlsx"), "--out", first, "--horizon", "6", "--force");
    expect(diverged.code).toBe(1);
    expect(diverged.stderr).toMatch(/approved.xlsx and the workbook run have different approval histories \(their audit logs differ from row 2\)/);
  }, 240_000);
  test("stops on step 1's errors, listing each with its cell, and runs when --accept-errors gives the reason", async () => {
    const duplicated = path.join(dir, "duplicated.xlsx");
    const book = await twoLocationBook([["A-1", "North", ...FIXTURE_MONTHS.map(() => 1)]]);
    fs.writeFileSync(duplicated, await book.toXlsx());
    const out = path.join(dir, "gated.xlsx");
    const refused = await sop("run", duplicated, "--out", out, "--horizon", "3");
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/cannot run: step 1 found 1 error[\s\S]*- Sales!A8: The item A-1 at location North appears twice \(first at Sales!A2\)/);
    expect(fs.existsSync(out)).toBe(false);
    const accepted = await sop("run", duplicated, "--out", out, "--horizon", "3", "--accept-errors", "test order row");
    expect(accepted.code).toBe(0);
    expect(accepted.stdout).toMatch(/Errors accepted: 1, "test order row"/);
    const written = await MemoryWorkbook.fromXlsx(fs.readFileSync(out));
    expect((await written.read(SHEETS.validation))[1].slice(7, 10)).toEqual([1, expect.any(String), "test order row"]);
  }, 120_000);

  test("--coherent on reconciles the family and location totals with the items (the default with families), off keeps each item's own forecast", async () => {
    const input = path.join(dir, "located.xlsx");
    fs.writeFileSync(input, await (await twoLocationBook()).toXlsx());
    const forecasts = async (...flags: string[]): Promise<number[]> => {
      const out = path.join(dir, `coherent${flags.join("")}.xlsx`);
      const run = await sop("run", input, "--out", out, "--horizon", "3", ...flags);
      expect(run.code).toBe(0);
      const sheet = await (await MemoryWorkbook.fromXlsx(fs.readFileSync(out))).read(SHEETS.forecast);
      return sheet.filter((row) => row[8] === "Forecast").flatMap((row) => row.slice(9) as number[]);
    };
    const on = await forecasts("--coherent", "on");
    const off = await forecasts("--coherent", "off");
    expect(on).toHaveLength(18);
    expect(on.some((value, k) => Math.abs(value - off[k]) > 0.5)).toBe(true);
    expect(await forecasts()).toEqual(on);
    expect((await sop("run", input, "--out", path.join(dir, "x.xlsx"), "--coherent", "yes")).stderr).toMatch(/--coherent takes on or off; got yes/);
  }, 180_000);

  test("an unknown command prints the usage", async () => {
    const result = await sop("plan");
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/unknown command "plan"[\s\S]*sop run book.xlsx/);
  });
});
