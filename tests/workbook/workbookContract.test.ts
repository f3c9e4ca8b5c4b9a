/**
 * The behaviour every Workbook implementation shares, run on MemoryWorkbook (ExcelJS) and on
 * OfficeWorkbook over the fake Excel API: a new implementation is one more line in IMPLEMENTATIONS.
 */
import ExcelJS from "exceljs";
import { MemoryWorkbook } from "../../src/workbook/memoryWorkbook";
import { OfficeWorkbook } from "../../src/workbook/officeWorkbook";
import type { Workbook, WriteBlock } from "../../src/workbook/workbook";
import { WorkbookError } from "../../src/workbook/workbookError";
import { FakeExcel } from "./fakeExcel";

const PLANNER_SHEET = [
  ["SKU", "Jan", "Feb"],
  ["A-1", 10, 12],
  ["B-2", 5, 7],
];

async function memoryBook(): Promise<Workbook> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet("Sales");
  sheet.addTable({ name: "SalesTable", ref: "A1", columns: PLANNER_SHEET[0].map((name) => ({ name: String(name) })), rows: PLANNER_SHEET.slice(1) });
  book.definedNames.add("Sales!$B$2:$C$3", "Quantities");
  return MemoryWorkbook.fromXlsx(new Uint8Array(await book.xlsx.writeBuffer()));
}

async function officeBook(): Promise<Workbook> {
  const fake = new FakeExcel();
  fake.addSheet("Sales", PLANNER_SHEET);
  fake.addTable("SalesTable", "Sales", "A1:C3");
  fake.addName("Quantities", "=Sales!$B$2:$C$3");
  return new OfficeWorkbook(fake.runner);
}

const IMPLEMENTATIONS: [string, () => Promise<Workbook>][] = [
  ["MemoryWorkbook", memoryBook],
  ["OfficeWorkbook", officeBook],
];

describe.each(IMPLEMENTATIONS)("%s keeps the Workbook contract", (_name, make) => {
  it("lists the planner's sheet, table and name, and reads each of them", async () => {
    const book = await make();
    expect(await book.listSheets()).toEqual([{ name: "Sales", ownedByAddin: false, protected: false, visible: true }]);
    expect(await book.listTables()).toEqual([{ name: "SalesTable", sheet: "Sales", address: "A1:C3", headers: ["SKU", "Jan", "Feb"], rowCount: 2 }]);
    expect(await book.listNames()).toEqual([{ name: "Quantities", address: "Sales!B2:C3" }]);
    expect(await book.read("SalesTable")).toEqual(PLANNER_SHEET);
    expect(await book.read("Sales")).toEqual(PLANNER_SHEET);
    expect(await book.read("Quantities")).toEqual([[10, 12], [5, 7]]);
    expect(await book.read("Sales!C3")).toEqual([[7]]);
  });

  it("writes its own sheets freely, the planner's only after a yes", async () => {
    const book = await make();
    await book.createSheet("Forecast");
    await book.writeBlocks([{ sheet: "Forecast", topLeft: "B2", values: [[1, null, "x"]] }]);
    expect(await book.read("Forecast!B2:D2")).toEqual([[1, null, "x"]]);
    const asked: string[] = [];
    const answer = (yes: boolean) => async (sheet: string) => (asked.push(sheet), yes);
    await expect(book.writeBlocks([{ sheet: "Sales", topLeft: "B2", values: [[99]] }])).rejects.toBeInstanceOf(WorkbookError);
    await expect(book.writeBlocks([{ sheet: "Sales", topLeft: "B2", values: [[99]] }], { overwrite: answer(false) })).rejects.toThrow(/holds your own data/);
    expect(await book.read("Sales!B2")).toEqual([[10]]);
    await book.writeBlocks([{ sheet: "Sales", topLeft: "B2", values: [[99]] }], { overwrite: answer(true) });
    expect(await book.read("Sales!B2")).toEqual([[99]]);
    expect(asked).toEqual(["Sales", "Sales"]);
  });

  it("grows the planner's table by a month written beside it, in the same write, only after a yes", async () => {
    const book = await make();
    const month: WriteBlock = { sheet: "Sales", topLeft: "D1", values: [["Mar"], [14], [8]] };
    await expect(book.writeBlocks([month], { resizeTables: { SalesTable: "A1:D3" } })).rejects.toThrow(/holds your own data/);
    expect((await book.listTables())[0].address).toBe("A1:C3");
    await book.writeBlocks([month], { overwrite: async () => true, resizeTables: { SalesTable: "A1:D3" } });
    expect(await book.listTables()).toEqual([{ name: "SalesTable", sheet: "Sales", address: "A1:D3", headers: ["SKU", "Jan", "Feb", "Mar"], rowCount: 2 }]);
    expect(await book.read("SalesTable")).toEqual(PLANNER_SHEET.map((row, r) => [...row, month.values[r][0]]));
  });

  it("creates a missing target sheet as its own and replaces its content on request", async () => {
    const book = await make();
    await book.writeBlocks([{ sheet: "Plan", topLeft: "A1", values: [[1, 2, 3]] }]);
    expect((await book.listSheets()).find((sheet) => sheet.name === "Plan")?.ownedByAddin).toBe(true);
    await book.writeBlocks([{ sheet: "Plan", topLeft: "A1", values: [[7]] }], { replace: true });
    expect(await book.read("Plan")).toEqual([[7]]);
  });

  it("writes strings as text, whatever they start with", async () => {
    const book = await make();
    const texts = ["=SUM(A1)", "+1", "-x", "@me", "2024-01", "TRUE"];
    await book.writeBlocks([{ sheet: "Notes", topLeft: "A1", values: [texts] }]);
    expect(await book.read("Notes!A1:F1")).toEqual([texts]);
  });

  it("refuses a protected sheet and an existing sheet name", async () => {
    const book = await make();
    await book.createSheet("Approved");
    await book.protectSheet("Approved");
    expect((await book.listSheets()).find((sheet) => sheet.name === "Approved")?.protected).toBe(true);
    await expect(book.writeBlocks([{ sheet: "Approved", topLeft: "A1", values: [[1]] }])).rejects.toThrow(/protected/);
    await expect(book.createSheet("SALES")).rejects.toThrow(/already exists/);
  });

  it("keeps metadata by key, long values included, hidden from the sheet list", async () => {
    const book = await make();
    expect(await book.getMetadata("mapping")).toBeUndefined();
    await book.setMetadata("mapping", "=" + "x".repeat(40000));
    await book.setMetadata("other", "1");
    expect(await book.getMetadata("mapping")).toBe("=" + "x".repeat(40000));
    expect(await book.getMetadata("other")).toBe("1");
    expect((await book.listSheets()).map((sheet) => sheet.name)).toEqual(["Sales"]);
  });

  it("reads a window of rows and the extent of a sheet, a table, a name and a range", async () => {
    const book = await make();
    expect(await book.extent("Sales")).toEqual({ rows: 3, columns: 3 });
    expect(await book.extent("SalesTable")).toEqual({ rows: 3, columns: 3 });
    expect(await book.extent("Quantities")).toEqual({ rows: 2, columns: 2 });
    expect(await book.extent("Sales!B1:C2")).toEqual({ rows: 2, columns: 2 });
    expect(await book.read("Sales", { offset: 1, count: 1 })).toEqual([PLANNER_SHEET[1]]);
    expect(await book.read("SalesTable", { offset: 2, count: 10 })).toEqual([PLANNER_SHEET[2]]);
    expect(await book.read("Quantities", { offset: 0, count: 1 })).toEqual([[10, 12]]);
    expect(await book.read("Sales!A2:B3", { offset: 1, count: 1 })).toEqual([["B-2", 5]]);
    expect(await book.read("Sales", { offset: 3, count: 5 })).toEqual([]);
    await book.createSheet("Empty");
    expect(await book.extent("Empty")).toEqual({ rows: 0, columns: 0 });
    expect(await book.read("Empty", { offset: 0, count: 5 })).toEqual([]);
  });

  it("protects and sets metadata in the same write, and refuses a sheet name Excel refuses before writing anything", async () => {
    const book = await make();
    await book.writeBlocks([{ sheet: "Plan v1", topLeft: "A1", values: [[1]] }], { protect: ["Plan v1"], metadata: { auditLog: "[1]" } });
    expect((await book.listSheets()).find((sheet) => sheet.name === "Plan v1")?.protected).toBe(true);
    expect(await book.getMetadata("auditLog")).toBe("[1]");
    await expect(
      book.writeBlocks([{ sheet: "Fine", topLeft: "A1", values: [[1]] }, { sheet: "History", topLeft: "A1", values: [[1]] }], { metadata: { auditLog: "[2]" } }),
    ).rejects.toThrow(/"History" cannot be a sheet name/);
    book.forget();
    expect((await book.listSheets()).map((sheet) => sheet.name)).toEqual(["Sales", "Plan v1"]);
    expect(await book.getMetadata("auditLog")).toBe("[1]");
  });

  it("says which reference does not exist", async () => {
    const book = await make();
    await expect(book.read("Nowhere")).rejects.toThrow(/no sheet, table or named range called "Nowhere"/);
  });
});

/** Item codes the planner formatted "00000" to show their zeros, beside quantities and months. */
const CODES_SHEET = [
  ["Item", "Month", "Units"],
  [123, 1, 1234],
  [123456, 12, 0],
  ["00042", 2, 7],
];
const CODES_FORMATS = ["00000", "00", "#,##0"];

async function memoryCodes(): Promise<Workbook> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet("Codes");
  CODES_SHEET.forEach((row, r) => row.forEach((value, c) => {
    const cell = sheet.getCell(r + 1, c + 1);
    cell.value = value;
    if (r > 0) cell.numFmt = CODES_FORMATS[c];
  }));
  return MemoryWorkbook.fromXlsx(new Uint8Array(await book.xlsx.writeBuffer()));
}

async function officeCodes(): Promise<Workbook> {
  const fake = new FakeExcel();
  fake.addSheet("Codes", CODES_SHEET);
  for (const row of [2, 3, 4]) ["A", "B", "C"].forEach((column, c) => ((fake.cellModel("Codes", `${column}${row}`) as { numberFormat: string }).numberFormat = CODES_FORMATS[c]));
  return new OfficeWorkbook(fake.runner);
}

describe.each<[string, () => Promise<Workbook>]>([
  ["MemoryWorkbook", memoryCodes],
  ["OfficeWorkbook", officeCodes],
])("%s reads codes as the planner sees them", (_name, make) => {
  it("reads a number shown with leading zeros by a format of zeros as the text shown, and leaves quantities and months numbers", async () => {
    const book = await make();
    expect(await book.read("Codes")).toEqual([
      ["Item", "Month", "Units"],
      ["00123", 1, 1234],
      ["123456", 12, 0],
      ["00042", 2, 7],
    ]);
  });
});
