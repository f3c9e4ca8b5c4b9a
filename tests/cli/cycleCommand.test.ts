import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { main } from "../../src/cli/main";
import { readActualsCsv } from "../../src/cli/cycleCommand";
import { readAuditLog } from "../../src/cycle/approval";
import { snapshotCycles } from "../../src/cycle/snapshots";
import { MemoryWorkbook } from "../../src/workbook/memoryWorkbook";
import { smallSampleBook } from "../cycle/rollingFixture";
import { captureOutput, type CommandRun } from "./captureOutput";

function sop(...args: string[]): Promise<CommandRun> {
  return captureOutput(() => main(args));
}

describe("sop cycle", () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "sop-cycle-"));

  test("adds the month's actuals to the history table and runs the next cycle; earlier approvals still verify; the input is untouched", async () => {
    const book = path.join(dir, "book.xlsx");
    fs.writeFileSync(book, await (await smallSampleBook(3, true)).toXlsx());
    const january = path.join(dir, "january.xlsx");
    expect((await sop("run", book, "--out", january, "--approve", "Dana", "--horizon", "6")).code).toBe(0);
    const before = fs.readFileSync(january);
    const actuals = path.join(dir, "2026-01.csv");
    fs.writeFileSync(actuals, "Item,Location,Period,Quantity\nCH-101,,2026-01,\"1,210\"\nCH-102,,2026-01,95\nCH-103,,2026-01,330\n");
    const february = path.join(dir, "february.xlsx");
    const receipt = path.join(dir, "receipt.json");
    const run = await sop("cycle", january, "--actuals", actuals, "--out", february, "--approve", "Sam", "--horizon", "6", "--receipt", receipt);
    expect(run.stderr).not.toMatch(/sop cycle:/);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^Actuals from .*2026-01\.csv: 2026-01 added to the history \(3 cells written, 0 already there\)\nCycle 2026-02\n/);
    expect(run.stdout).toMatch(/5 Present & approve\n {2}Plan 2026-02: Approved by Sam/);
    expect(fs.readFileSync(january).equals(before)).toBe(true);
    const written = await MemoryWorkbook.fromXlsx(fs.readFileSync(february));
    const history = await written.read("SalesHistory");
    expect(history.map((row) => row.at(-1))).toEqual(["2026-01", 1210, 95, 330]);
    expect((await readAuditLog(written)).map((entry) => entry.sheet)).toEqual(["Plan 2026-01 v1", "Plan 2026-02 v1"]);
    expect(await snapshotCycles(written)).toEqual(["2026-01", "2026-02"]);
    const verified = await sop("verify", february, "--receipt", receipt);
    expect(verified.code).toBe(0);
    expect(verified.stdout).toMatch(/2 approved versions and 1 receipt/);

    // the same month again onto the output: refused without --force; a different figure refused with its cell and CSV row
    expect((await sop("cycle", january, "--actuals", actuals, "--out", february)).stderr).toMatch(/february.xlsx already holds 2 approved plans[\s\S]*--force/);
    const changed = path.join(dir, "changed.csv");
    fs.writeFileSync(changed, "item,period,quantity\nCH-101,2026-01,1210\nCH-102,2026-01,96\n");
    const refused = await sop("cycle", february, "--actuals", changed, "--out", path.join(dir, "march.xlsx"));
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/row 3 of changed.csv: 'Sales History'!AL3 already holds 95 for CH-102 in 2026-01, not 96/);
    expect(fs.existsSync(path.join(dir, "march.xlsx"))).toBe(false);
    const unknown = path.join(dir, "launch.csv");
    fs.writeFileSync(unknown, "item,period,quantity\nCH-101,2026-02,1200\nCH-104,2026-02,12\n");
    const notInMaster = await sop("cycle", february, "--actuals", unknown, "--out", path.join(dir, "march.xlsx"));
    expect(notInMaster.code).toBe(1);
    expect(notInMaster.stderr).toMatch(/row 3 of launch.csv: CH-104 is not in the history \(SalesHistory\) nor in the item master \(ItemMaster\); add the item to the item master first \(supply needs its unit cost\)/);
    expect(fs.existsSync(path.join(dir, "march.xlsx"))).toBe(false);
  }, 120_000);

  test("a new item of the item master gets a new row of the history table: its code as text, earlier months blank", async () => {
    const sample = await smallSampleBook(3, true);
    const items = await sample.read("ItemMaster");
    await sample.writeBlocks([{ sheet: "Items", topLeft: "A5", values: [["00123", ...items[3].slice(1)]], numberFormats: [["@"]] }], {
      overwrite: async () => true,
      resizeTables: { ItemMaster: `A1:${String.fromCharCode(64 + items[0].length)}5` },
    });
    const book = path.join(dir, "launch.xlsx");
    fs.writeFileSync(book, await sample.toXlsx());
    const actuals = path.join(dir, "launch-2026-01.csv");
    fs.writeFileSync(actuals, "Item,Period,Quantity\nCH-101,2026-01,210\nCH-102,2026-01,95\nCH-103,2026-01,330\n00123,2026-01,40\n");
    const january = path.join(dir, "launch-january.xlsx");
    expect((await sop("run", book, "--out", january, "--horizon", "6")).code).toBe(0);
    const out = path.join(dir, "launch-february.xlsx");
    const run = await sop("cycle", january, "--actuals", actuals, "--out", out, "--horizon", "6");
    expect(run.stderr).not.toMatch(/sop cycle:/);
    expect(run.stdout).toMatch(/2026-01 added to the history \(4 cells written, 0 already there\)\n {2}New in the history: 00123 \(the months before their first left blank\)\nCycle 2026-02\n/);
    const written = await MemoryWorkbook.fromXlsx(fs.readFileSync(out));
    expect((await written.listTables()).find((table) => table.name === "SalesHistory")?.address).toBe("A1:AL5");
    expect((await written.read("SalesHistory"))[4]).toEqual(["00123", ...new Array(36).fill(null), 40]);
  }, 120_000);

  test("reads quantities as step 1 reads them: thousands commas, never a decimal comma taken for one; a semicolon file with decimal commas", () => {
    const quantities = (text: string): number[] => readActualsCsv(text, "jan.csv").map((line) => line.quantity);
    expect(quantities('item,period,quantity\nA,2026-01,"1,234"\nB,2026-01,12.5\nC,2026-01,-\n')).toEqual([1234, 12.5, 0]);
    expect(() => readActualsCsv('item,period,quantity\nA,2026-01,"12,5"\nB,2026-01,1.234\n', "jan.csv")).toThrow(
      'jan.csv has 2 lines that cannot be read:\nrow 2 of jan.csv: quantity "12,5" is not a number. It is written with a decimal comma (a European export opened as text): enter it as a number, or open the file with the export\'s regional setting.\nrow 3 of jan.csv: quantity "1.234" is not a number. It reads as 1234 or as 1.234 (a point between thousands, or a decimal point): enter it as a number.',
    );
    expect(quantities("item;location;period;quantity\nA;Paris;2026-01;12,5\nB;Lyon;2026-01;1.234,75\n")).toEqual([12.5, 1234.75]);
  });

  test("knows an ERP export's column names (SKU, Plant, Calendar Year/Month, Qty), in any order, tab-separated too", () => {
    const read = readActualsCsv("Qty\tCalendar Year/Month\tSKU\tPlant\n40\t202601\tCH-101\tParis\n", "jan.tsv");
    expect(read).toEqual([{ item: "CH-101", location: "Paris", period: "202601", quantity: 40, source: "row 2 of jan.tsv" }]);
  });

  test("names the CSV rows it cannot read and refuses an output that is one of its inputs", async () => {
    const bad = path.join(dir, "bad.csv");
    fs.writeFileSync(bad, "item,period,quantity\nCH-101,2026-01,lots\n,2026-01,4\n");
    const book = path.join(dir, "small.xlsx");
    fs.writeFileSync(book, await (await smallSampleBook(2)).toXlsx());
    const unread = await sop("cycle", book, "--actuals", bad, "--out", path.join(dir, "x.xlsx"));
    expect(unread.stderr).toMatch(/bad.csv has 2 lines that cannot be read:\nrow 2 of bad.csv: quantity "lots" is not a number. Enter a number.\nrow 3 of bad.csv: the item is empty./);
    fs.writeFileSync(bad, "what,period,quantity\n");
    expect((await sop("cycle", book, "--actuals", bad, "--out", path.join(dir, "x.xlsx"))).stderr).toMatch(/bad.csv has no "item" column/);
    expect((await sop("cycle", book, "--actuals", bad, "--out", bad)).stderr).toMatch(/never overwrites your files/);
    expect((await sop("cycle", book, "--out", path.join(dir, "x.xlsx"))).stderr).toMatch(/Give one workbook, --actuals and --out/);
    expect(fs.existsSync(path.join(dir, "x.xlsx"))).toBe(false);
  });
});
