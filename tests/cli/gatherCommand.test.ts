import { DuckDBInstance } from "@duckdb/node-api";
import ExcelJS from "exceljs";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { main } from "../../src/cli/main";
import { historySources } from "../../src/cycle/historyLayout";
import { loadMapping } from "../../src/cycle/mapping";
import { readHistory } from "../../src/cycle/historyReader";
import { MemoryWorkbook } from "../../src/workbook/memoryWorkbook";
import { captureOutput, type CommandRun } from "./captureOutput";

const sample = path.join(__dirname, "..", "..", "assets", "sample-sop.xlsx");

function sop(...args: string[]): Promise<CommandRun> {
  return captureOutput(() => main(args));
}

/**
 * Seven order lines, hand-checked: line 6 has a 13th month, line 7 a quantity in words.
 * Months: A|DC1 Jan 10 + 5, Mar 2 (Feb's line unreadable); A|DC2 Feb 1,200; B|DC1 Mar 7 (line 6 left out).
 * Service, as of 2024-03-20 (the last date): A|DC1 lead times 4, 4, 10 days, late 0, 2, 8 -> on time 1 of 3;
 * A|DC2 lead 5, on time; B|DC1 not delivered, requested 03-05 -> overdue, a miss.
 */
const LINES = [
  "Order Date,Order,Customer,SKU,Ship-from,Qty,Requested Date,Delivered Date",
  "2024-01-05,SO1,C1,A,DC1,10,2024-01-10,2024-01-09",
  "2024-01-31,SO2,C2,A,DC1,5,2024-02-02,2024-02-04",
  '2024-02-15,SO3,C1,A,DC2,"1,200",2024-02-20,2024-02-20',
  "2024-03-01,SO4,C3,B,DC1,7,2024-03-05,",
  "2024-13-01,SO5,C3,B,DC1,3,2024-03-05,2024-03-06",
  "2024-02-01,SO6,C1,A,DC1,lots,2024-02-05,2024-02-05",
  "2024-03-10,SO7,C2,A,DC1,2,2024-03-12,2024-03-20",
].join("\n");

describe("sop gather", () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "sop-gather-"));
  const csv = path.join(dir, "lines.csv");
  fs.writeFileSync(csv, `${LINES}\n`);

  /** `sop gather` on a CSV of these lines, written into the test folder as `name`, with further options; the workbook goes to `name` .xlsx. */
  function gatherLines(name: string, text: string, ...options: string[]): Promise<CommandRun> {
    const file = path.join(dir, name);
    fs.writeFileSync(file, text);
    return sop("gather", file, "--into", sample, "--out", path.join(dir, name.replace(/\.csv$/, ".xlsx")), ...options);
  }

  async function historySheet(file: string): Promise<unknown[][]> {
    return (await MemoryWorkbook.fromXlsx(fs.readFileSync(file))).read("SOP Order History");
  }

  test("aggregates a CSV by item x location x month, reports the columns, the bad rows and the reconciliation, and maps the history", async () => {
    const before = fs.readFileSync(sample);
    const out = path.join(dir, "gathered.xlsx");
    const result = await sop("gather", csv, "--into", sample, "--out", out);
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('order date = "Order Date" (read as year-month-day), item = "SKU", location = "Ship-from", customer = "Customer", quantity = "Qty", requested date = "Requested Date"');
    expect(result.stdout).toContain("Rows in 7 = used 5 + left out 2");
    expect(result.stdout).toContain("left out, unreadable order date: 1 row (quantity 3); line 6");
    expect(result.stdout).toContain("left out, unreadable quantity: 1 row (quantity 0); line 7");
    expect(result.stdout).toContain("Quantity in 1,227 = used 1,224 + left out 3");
    expect(result.stdout).toContain("OTIF 40.0%, on time 40.0%, in full 80.0% of 5 lines measured (1 overdue, 0 open not yet due); lead time 5.8 days mean, 4.5 median, 8.5 90th percentile");
    expect(await historySheet(out)).toEqual([
      ["Item", "Location", "2024-01", "2024-02", "2024-03"],
      ["A", "DC1", 15, 0, 2],
      ["A", "DC2", null, 1200, 0],
      ["B", "DC1", null, null, 7],
    ]);
    const book = await MemoryWorkbook.fromXlsx(fs.readFileSync(out));
    const history = (await loadMapping(book))?.history;
    expect(history === null || history === undefined ? [] : historySources(history).map((source) => source.reference)).toEqual(["SOP Order History"]);
    const service = await book.read("SOP Service Levels");
    expect(service.slice(0, 5)).toEqual([
      ["Item", "Location", "Lines delivered", "Lines overdue", "Lines open", "On time", "In full", "OTIF", "Lead time mean (days)", "Lead time median (days)", "Lead time 90th pct (days)"],
      ["A", "DC1", 3, 0, 0, 1 / 3, 1, 1 / 3, 6, 4, 8.8],
      ["A", "DC2", 1, 0, 0, 1, 1, 1, 5, 5, 5],
      ["B", "DC1", 0, 1, 0, 0, 0, 0, null, null, null],
      ["All items", "All locations", 4, 1, 0, 0.4, 0.8, 0.4, 5.75, 4.5, 8.5],
    ]);
    expect(fs.readFileSync(sample).equals(before)).toBe(true);
  });

  test("reads the same lines from parquet (dates and quantities typed; unreadable ones null) to the same history, naming rows", async () => {
    const parquet = path.join(dir, "lines.parquet");
    const instance = await DuckDBInstance.create(":memory:");
    const connection = await instance.connect();
    await connection.run(`COPY (SELECT TRY_CAST("Order Date" AS DATE) AS "Order Date", SKU, "Ship-from", TRY_CAST(replace(Qty, ',', '') AS INTEGER) AS Qty,
      CAST("Requested Date" AS DATE) AS "Requested Date", CAST("Delivered Date" AS DATE) AS "Delivered Date"
      FROM read_csv('${csv}', header = true, all_varchar = true)) TO '${parquet}' (FORMAT parquet)`);
    connection.closeSync();
    instance.closeSync();
    const out = path.join(dir, "from-parquet.xlsx");
    const result = await sop("gather", parquet, "--into", sample, "--out", out);
    expect(result.stderr).toBe("");
    expect(result.stdout).toContain("Rows in 7 = used 5 + left out 2");
    expect(result.stdout).toContain("left out, unreadable order date: 1 row (quantity 3); row 5");
    expect(result.stdout).toContain("left out, unreadable quantity: 1 row (quantity 0); row 6");
    expect(result.stdout).toContain("OTIF 40.0%, on time 40.0%, in full 80.0% of 5 lines measured");
    expect((await historySheet(out)).slice(1)).toEqual([
      ["A", "DC1", 15, 0, 2],
      ["A", "DC2", null, 1200, 0],
      ["B", "DC1", null, null, 7],
    ]);
  });

  test("reads ERP dates (20240115) and SAP calendar months (202401) under 'Created on' and 'Calendar Year/Month'; months are not spread over weeks", async () => {
    const days = await gatherLines("erp-days.csv", "Created on,Material,Plant,Order Qty\n20240131,M-1,1000,5\n20240201,M-1,1000,7\n20240315,M-2,1000,3\n");
    expect(days.stdout).toContain('order date = "Created on" (read as yearmonthday (20240115, as ERP systems store dates))');
    expect((await historySheet(path.join(dir, "erp-days.xlsx"))).slice(1)).toEqual([
      ["M-1", "1000", 5, 7, 0],
      ["M-2", "1000", null, null, 3],
    ]);
    const months = await gatherLines("bw-months.csv", "Calendar Year/Month,Material,Plant,Quantity\n202401,M-1,1000,5\n202402,M-1,1000,7\n202403,M-2,1000,3\n");
    expect(months.stdout).toContain('order date = "Calendar Year/Month" (read as yearmonth (202401, a calendar month as SAP stores it))');
    expect((await historySheet(path.join(dir, "bw-months.xlsx"))).slice(1)).toEqual([
      ["M-1", "1000", 5, 7, 0],
      ["M-2", "1000", null, null, 3],
    ]);
    const weekly = await gatherLines("bw-weeks.csv", "Calendar Year/Month,Material,Plant,Quantity\n202401,M-1,1000,5\n202402,M-1,1000,7\n202403,M-2,1000,3\n", "--bucket", "week");
    expect(weekly.code).toBe(1);
    expect(weekly.stderr).toContain('The order dates in "Calendar Year/Month" are months (yearmonth (202401, a calendar month as SAP stores it)): a month\'s quantity cannot be spread over its weeks. Gather by month.');
  });

  test("reads a German export: its headers, and order dates written as text with a time (13.01.2024 14:32)", async () => {
    const german = await gatherLines("sap-de.csv", "Belegdatum;Material;Werk;Menge\n31.01.2024 08:15;M-1;1000;5\n01.02.2024 14:32;M-1;1000;7\n15.03.2024 09:00;M-2;1000;3\n");
    expect(german.stdout).toContain('order date = "Belegdatum" (read as day.month.year hour:minute), item = "Material", location = "Werk", quantity = "Menge"');
    expect((await historySheet(path.join(dir, "sap-de.xlsx"))).slice(1)).toEqual([
      ["M-1", "1000", 5, 7, 0],
      ["M-2", "1000", null, null, 3],
    ]);
  });

  test("leaves out lines their status marks cancelled or rejected, counted and named", async () => {
    const result = await gatherLines("status.csv", "Order Date,SKU,Qty,Status\n2024-01-05,A,10,Shipped\n2024-01-09,A,7,Cancelled\n2024-02-02,A,5,\n2024-02-11,A,3,annulé\n2024-03-01,A,4,Open\n");
    expect(result.stdout).toContain('status = "Status"');
    expect(result.stdout).toContain("Rows in 5 = used 3 + left out 2");
    expect(result.stdout).toContain("left out, cancelled or rejected (by its status): 2 rows (quantity 10); first lines 3, 5");
    expect((await historySheet(path.join(dir, "status.xlsx"))).slice(1)).toEqual([["A", 10, 5, 4]]);
  });

  test("reads the typographic minus and Swiss thousands as the sheet reader does, and counts a line split into too many columns once", async () => {
    const result = await gatherLines("swiss.csv", "Date,SKU,Qty\n2024-01-05,A,2'345\n2024-02-05,A,\u221212\n2024-03-05,A,1,234.5\n");
    expect(result.stdout).toContain("Rows in 3 = used 2 + left out 1");
    expect(result.stdout).toContain("left out, not split into the header's columns: 1 row (quantity 0); line 4");
    expect((await historySheet(path.join(dir, "swiss.xlsx"))).slice(1)).toEqual([["A", 2345, -12]]);
  });

  test("weekly lines: ISO weeks (2024-W05) and SAP's calendar weeks (202413) are gathered by week, a week 53 its year lacks is left out; by month they are refused, saying why", async () => {
    const iso = await gatherLines("isoweeks.csv", "Week,SKU,Qty\n2020-W53,A,5\n2021-W01,A,6\n2021-W53,A,7\n", "--bucket", "week");
    expect(iso.stdout).toContain('order date = "Week" (read as ISO week (2024-W05))');
    expect(iso.stdout).toContain("left out, unreadable order date: 1 row (quantity 7); line 4");
    expect((await historySheet(path.join(dir, "isoweeks.xlsx")))[0]).toEqual(["Item", "2020-W53", "2021-W01"]);
    const sap = await gatherLines("sapweeks.csv", `Calendar Week,Material,Qty\n${Array.from({ length: 14 }, (_, k) => `2024${String(k + 1).padStart(2, "0")},A,${k + 1}`).join("\n")}\n`, "--bucket", "week");
    expect(sap.stdout).toContain("read as yearweek (202413, a calendar week as SAP stores it)");
    expect(sap.stdout).toContain("1 series (item) x 14 weeks, 2024-W01 to 2024-W14");
    const monthly = await gatherLines("weeksbymonth.csv", "Week,SKU,Qty\n2024-W05,A,5\n");
    expect(monthly.code).toBe(1);
    expect(monthly.stderr).toContain('The order dates in "Week" are weeks (ISO week (2024-W05)): a week that spans two months cannot be given to one of them here. Gather by week (--bucket week)');
  });

  test("a planning book's key figures: the actuals lines of a measure column, or the actuals column of a column per measure; two that could each be demand are refused", async () => {
    const long = await gatherLines(
      "keyfigures.csv",
      "Month,Material,Key Figure,Value\n2024-01-01,A,Actuals Qty,10\n2024-01-01,A,Consensus Demand Qty,99\n2024-02-01,A,Actuals Qty,5\n2024-02-01,A,Statistical Forecast Qty,98\n2024-03-01,A,actuals qty ,4\n",
    );
    expect(long.stdout).toContain('quantity = "Value", measure = "Key Figure" (read as demand: its "Actuals Qty" lines)');
    expect(long.stdout).toContain("left out, another measure than the one read as demand: 2 rows (quantity 197); first lines 3, 5");
    expect((await historySheet(path.join(dir, "keyfigures.xlsx"))).slice(1)).toEqual([["A", 10, 5, 4]]);
    const wide = await gatherLines("keycolumns.csv", "Month,Material,Statistical Forecast Qty,Actuals Qty\n2024-01-01,A,99,10\n2024-02-01,A,98,5\n2024-03-01,A,97,4\n");
    expect(wide.stdout).toContain('quantity = "Actuals Qty"');
    expect((await historySheet(path.join(dir, "keycolumns.xlsx"))).slice(1)).toEqual([["A", 10, 5, 4]]);
    const versions = await gatherLines("versions.csv", "Month,Material,Version,Value\n2024-01-01,A,Actual,10\n2024-01-01,A,Version B,9\n");
    expect(versions.code).toBe(1);
    expect(versions.stderr).toContain('The column "Version" names each line\'s measure ("Actual", "Version B"): which of them is demand is not guessed. Name it (Measure read as demand beside step 1\'s Import file, or sop gather --measure "Actual")');
    const chosen = await gatherLines("versions.csv", "Month,Material,Version,Value\n2024-01-01,A,Actual,10\n2024-01-01,A,Version B,9\n", "--measure", "version b");
    expect(chosen.stdout).toContain('measure = "Version" (read as demand: its "Version B" lines)');
    expect((await historySheet(path.join(dir, "versions.xlsx"))).slice(1)).toEqual([["A", 9]]);
    const unknown = await gatherLines("versions.csv", "Month,Material,Version,Value\n2024-01-01,A,Actual,10\n", "--measure", "Budget");
    expect(unknown.stderr).toContain('The measure "Budget" is not one of those the column "Version" names ("Actual").');
    const none = await gatherLines("plain.csv", "Date,SKU,Qty\n2024-01-05,A,1\n", "--measure", "Actual");
    expect(none.stderr).toContain('The measure "Actual" needs a column naming each line\'s measure');
  });

  test("refuses a file whose items are ordered in more than one unit, naming them; one unit per item is gathered", async () => {
    const mixed = await gatherLines("units.csv", "Order Date,SKU,Qty,UoM\n2024-01-05,A,10,PC\n2024-01-09,A,2,CS\n2024-02-02,B,5,PC\n2024-03-02,B,5,pc\n");
    expect(mixed.code).toBe(1);
    expect(mixed.stderr).toContain('Some items are ordered in more than one unit (column "UoM"): A (CS, PC). Their quantities cannot be added up: convert each item\'s lines to one unit, then gather again.');
    // "PC", "pc" and "EA" all count pieces
    const single = await gatherLines("unit.csv", "Order Date,SKU,Qty,UoM\n2024-01-05,A,10,PC\n2024-02-09,A,2,pc\n2024-03-02,A,5,EA\n");
    expect(single.stdout).toContain('unit = "UoM"');
    expect((await historySheet(path.join(dir, "unit.xlsx"))).slice(1)).toEqual([["A", 10, 2, 5]]);
  });

  test("maps the history it wrote whatever its length: two months of lines are read by step 1 as two months", async () => {
    const result = await gatherLines("two-months.csv", "Order Date,SKU,Plant,Qty\n2024-01-05,A,DC1,10\n2024-02-09,A,DC1,2\n2024-02-10,B,DC2,4\n");
    expect(result.stdout).toContain(`step 1's data mapping now takes "SOP Order History" as the demand history`);
    const book = await MemoryWorkbook.fromXlsx(fs.readFileSync(path.join(dir, "two-months.xlsx")));
    const reading = await readHistory(book, (await loadMapping(book))!.history!);
    expect(reading.series.map((series) => [series.item, series.location, series.history])).toEqual([
      ["A", "DC1", [10, 2]],
      ["B", "DC2", [null, 4]],
    ]);
  });

  test("leaves out a last month the export covers only in part (taken on 13 January), counted and said; sparse lines keep theirs", async () => {
    // a line a day for A from 1 November 2025 to 13 January 2026: 30 + 31 + 13 lines of 2 units
    const day = (k: number): string => new Date(Date.UTC(2025, 10, 1 + k)).toISOString().slice(0, 10);
    const daily = Array.from({ length: 74 }, (_, k) => `${day(k)},A,2`).join("\n");
    const result = await gatherLines("partial.csv", `date,item,quantity\n${daily}\n`);
    expect(result.stdout).toContain("Rows in 74 = used 61 + left out 13");
    expect(result.stdout).toContain("left out, in 2026-01, a month the lines cover only up to 2026-01-13: 13 rows (quantity 26)\n");
    expect(await historySheet(path.join(dir, "partial.xlsx"))).toEqual([
      ["Item", "2025-11", "2025-12"],
      ["A", 60, 62],
    ]);
    // a line every 10 days or so: ending on 13 January is the orders' rhythm, not the export's end
    const sparse = await gatherLines("sparse.csv", "date,item,quantity\n2025-11-02,A,2\n2025-11-12,A,2\n2025-11-23,A,2\n2025-12-03,A,2\n2025-12-13,A,2\n2025-12-24,A,2\n2026-01-03,A,2\n2026-01-13,A,2\n");
    expect(sparse.stdout).toContain("Rows in 8 = used 8 + left out 0");
  });

  test("in weeks, a week that spans two months stays one ISO week; day/month/year dates are recognised", async () => {
    const result = await gatherLines("weekly.csv", "date,item,quantity\n29/01/2024,A,1\n04/02/2024,A,2\n05/02/2024,A,4\n", "--bucket", "week");
    expect(result.stderr).toBe("");
    expect(result.stdout).toContain('order date = "date" (read as day/month/year)');
    expect(result.stdout).toContain("Service: not measured (the file needs both a requested date and a delivery date column)");
    expect(result.stdout).toContain(`step 1's data mapping now takes "SOP Order History" as the demand history`);
    expect(await historySheet(path.join(dir, "weekly.xlsx"))).toEqual([
      ["Item", "2024-W05", "2024-W06"],
      ["A", 3, 4],
    ]);
  });

  test("quantities: a European export is read with its decimal commas; in a file of decimal points, '12,5' is left out, never read as 125", async () => {
    const eu = await gatherLines("eu.csv", "Order Date;SKU;Plant;Qty\n2024-01-05;A;P1;12,5\n2024-01-20;A;P1;1.234,5\n2024-02-03;B;P1;7\n");
    expect(eu.stdout).toContain('quantity = "Qty" (read as European numbers: 1.234,5 is 1234.5)');
    expect(eu.stdout).toContain("Quantity in 1,254 = used 1,254 + left out 0");
    const us = await gatherLines("us.csv", 'Order Date,SKU,Plant,Qty\n2024-01-05,A,P1,"1,250"\n2024-01-20,A,P1,"12,5"\n2024-02-03,B,P1,7.5\n');
    expect(us.stdout).toContain("left out, unreadable quantity: 1 row (quantity 0); line 3");
    expect(us.stdout).toContain("Quantity in 1,257.50 = used 1,257.50 + left out 0");
    const sap = await gatherLines("sap.csv", "Belegdatum;Material;Werk;Menge\n05.01.2024;A;1000;1.234,000\n09.01.2024;A;1000;12,000-\n07.02.2024;B;1000;4,5\n");
    expect(sap.stdout).toContain("Quantity in 1,226.50 = used 1,226.50 + left out 0");
  });

  test("a quantity headed in thousands ('Qty (000)', 'Menge in Tsd.') is read in units, and the report says so", async () => {
    const result = await gatherLines("k.csv", "Date,Material,Qty (000)\n2024-01-05,A,1.5\n2024-02-05,A,2.25\n");
    expect(result.stdout).toContain('quantity = "Qty (000)" (read as thousands: 1.2 is 1,200 units)');
    expect(result.stdout).toContain("Quantity in 3,750 = used 3,750 + left out 0");
    const german = await gatherLines("tsd.csv", "Belegdatum;Material;Menge in Tsd.\n05.01.2024;A;1,5\n07.02.2024;B;4,25\n");
    expect(german.stdout).toContain("Quantity in 5,750 = used 5,750 + left out 0");
  });

  test("lines whose order type is a return or a credit ('Return order', SAP's 'RE' and 'G2') are left out and counted, not summed as demand", async () => {
    const result = await gatherLines("returns.csv", "Order Date,Material,Order Type,Qty\n2024-01-05,A,Standard,10\n2024-01-09,A,Return order,3\n2024-02-05,A,TA,7\n2024-02-07,A,G2,2\n2024-02-08,A,RE,1\n");
    expect(result.stdout).toContain('order type = "Order Type"');
    expect(result.stdout).toContain("left out, a return or credit (by its document type): 3 rows (quantity 6); first lines 3, 5, 6");
    expect((await historySheet(path.join(dir, "returns.xlsx"))).slice(1)).toEqual([["A", 10, 7]]);
  });

  test("a Year column beside month numbers ('Month') or week numbers ('KW') dates the lines, as the sheet reader reads them", async () => {
    const months = await gatherLines("ym.csv", "Year,Month,Material,Qty\n2024,1,A,10\n2024,2,A,7\n2024,12,A,4\n");
    expect(months.stdout).toContain('order date = "Month" (read as year-month (2024-01)), year = "Year"');
    expect((await historySheet(path.join(dir, "ym.xlsx")))[0]).toEqual(["Item", ...Array.from({ length: 12 }, (_, k) => `2024-${String(k + 1).padStart(2, "0")}`)]);
    const weeks = await gatherLines("yw.csv", "Jahr;KW;Material;Menge\n2024;52;A;10\n2025;1;A;7\n", "--bucket", "week");
    expect(weeks.stdout).toContain('order date = "KW" (read as ISO week (2024-W05)), year = "Jahr"');
    expect((await historySheet(path.join(dir, "yw.xlsx"))).slice(0, 2)).toEqual([
      ["Item", "2024-W52", "2025-W01"],
      ["A", 10, 7],
    ]);
  });

  test("a column the header does not name is chosen with --columns", async () => {
    const lines = "Created On,Material,Pieces shipped\n2024-01-05,A,3\n2024-02-05,A,4\n";
    const refused = await gatherLines("odd.csv", lines);
    expect(refused.stderr).toMatch(/No quantity column was recognised among the file's columns \(Created On, Material, Pieces shipped\)/);
    const result = await gatherLines("odd.csv", lines, "--columns", "date=Created On,quantity=Pieces shipped");
    expect(result.stderr).toBe("");
    expect((await historySheet(path.join(dir, "odd.xlsx"))).slice(1)).toEqual([["A", 3, 4]]);
  });

  test("names the lines left out for each reason, whichever reasons the file has (a line with several flaws under the first)", async () => {
    const both = await gatherLines("flawed.csv", "date,item,quantity\n2024-01-05,A,1\n2024-01-06,A,x\n2024-01-07,,y\n2024-01-08,A,2\n2024-01-09,A,z\n");
    expect(both.stdout).toContain("left out, no item: 1 row (quantity 0); line 4");
    expect(both.stdout).toContain("left out, unreadable quantity: 2 rows (quantity 0); first lines 3, 6");
    const one = await gatherLines("quantities.csv", "date,item,quantity\n2024-01-05,A,1\n2024-01-06,A,x\n2024-01-07,B,y\n2024-01-08,A,2\n");
    expect(one.stdout).toContain("Rows in 4 = used 2 + left out 2");
    expect(one.stdout).toContain("left out, unreadable quantity: 2 rows (quantity 0); first lines 3, 4");
  });

  test("refuses an output naming an input, a planner's own sheet of the same name, and a file with no usable line", async () => {
    expect((await sop("gather", csv, "--into", sample, "--out", csv)).stderr).toMatch(/--out must name a new file, not your input/);
    expect((await sop("gather", csv, "--into", sample, "--out", sample)).stderr).toMatch(/--out must name a new file, not your input/);
    const own = new ExcelJS.Workbook();
    own.addWorksheet("SOP Order History").addRow(["my notes"]);
    const ownFile = path.join(dir, "own.xlsx");
    await own.xlsx.writeFile(ownFile);
    expect((await sop("gather", csv, "--into", ownFile, "--out", path.join(dir, "x.xlsx"))).stderr).toMatch(/"SOP Order History" holds your own data/);
    const empty = path.join(dir, "bad.csv");
    fs.writeFileSync(empty, "date,item,quantity\nsoon,A,1\n");
    expect((await sop("gather", empty, "--into", sample, "--out", path.join(dir, "y.xlsx"))).stderr).toMatch(/No order line of the file could be used: 1 row with unreadable order date/);
  });
});
