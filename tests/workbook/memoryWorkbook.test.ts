import ExcelJS from "exceljs";
import { MemoryWorkbook } from "../../src/workbook/memoryWorkbook";
import { METADATA_SHEET } from "../../src/workbook/metadataSheet";
import { PlanningError } from "../../src/core/errors";

/** A workbook as a planner would bring it: their own sheet with a table, a name, an error cell, a date. */
async function plannerBook(): Promise<MemoryWorkbook> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet("Sales");
  sheet.addTable({
    name: "SalesTable",
    ref: "A1",
    columns: [{ name: "SKU" }, { name: "Jan" }, { name: "Feb" }],
    rows: [
      ["A-1", 10, 12],
      ["B-2", 5, 7],
    ],
  });
  sheet.getCell("E1").value = { error: "#N/A" };
  sheet.getCell("E2").value = new Date(Date.UTC(2024, 0, 1));
  sheet.getCell("E3").value = { formula: "B2*2", result: 20 };
  book.definedNames.add("Sales!$B$2:$C$3", "Quantities");
  return MemoryWorkbook.fromXlsx(new Uint8Array(await book.xlsx.writeBuffer()));
}

describe("MemoryWorkbook reading", () => {
  it("reads an error cell as its text, a date as an Excel serial and a formula as its result", async () => {
    const book = await plannerBook();
    expect(await book.read("Sales!E1:E3")).toEqual([["#N/A"], [45292], [20]]);
  });

});

describe("MemoryWorkbook merged cells, as Excel reads them", () => {
  it("holds a merged area's value in its top-left cell only: the others read as empty", async () => {
    const source = new ExcelJS.Workbook();
    const sheet = source.addWorksheet("Pivot");
    sheet.addRows([
      ["Item", "Location", "Jan 2024"],
      ["A-1", "Paris", 10],
      [null, "Lyon", 20],
    ]);
    sheet.mergeCells("A2:A3");
    const book = await MemoryWorkbook.fromXlsx(new Uint8Array((await source.xlsx.writeBuffer()) as ArrayBuffer));
    expect(await book.read("Pivot!A1:C3")).toEqual([
      ["Item", "Location", "Jan 2024"],
      ["A-1", "Paris", 10],
      [null, "Lyon", 20],
    ]);
  });
});

describe("MemoryWorkbook writing", () => {
  it("keeps text that looks like a formula as text, and writes { formula } as a formula", async () => {
    const book = MemoryWorkbook.empty();
    await book.createSheet("Notes");
    await book.writeBlocks([
      { sheet: "Notes", topLeft: "A1", values: [["=SUM(A1)", "+1", "-x", "@me", { formula: "=1+1" }]] },
    ]);
    const reloaded = await MemoryWorkbook.fromXlsx(await book.toXlsx());
    expect(await reloaded.read("Notes!A1:D1")).toEqual([["=SUM(A1)", "+1", "-x", "@me"]]);
    expect(reloaded.sheetInputs("Notes")[0][4]).toEqual({ formula: "=1+1" });
    const raw = new ExcelJS.Workbook();
    await raw.xlsx.load((await book.toXlsx()) as unknown as ArrayBuffer);
    const cell = raw.getWorksheet("Notes")!.getCell("A1");
    expect(cell.type).toBe(ExcelJS.ValueType.String);
    expect(cell.numFmt).toBe("@");
  });

  it("applies number formats per column or per cell and bolds a header row", async () => {
    const book = MemoryWorkbook.empty();
    await book.writeBlocks([
      { sheet: "Plan", topLeft: "A1", values: [["q", "v"], [1, 2]], numberFormats: ["0", "0.00%"], headerRow: true },
      { sheet: "Plan", topLeft: "D1", values: [[1, 2]], numberFormats: [["#,##0", "0.0"]] },
    ]);
    const raw = new ExcelJS.Workbook();
    await raw.xlsx.load((await book.toXlsx()) as unknown as ArrayBuffer);
    const sheet = raw.getWorksheet("Plan")!;
    expect(sheet.getCell("B2").numFmt).toBe("0.00%");
    expect(sheet.getCell("E1").numFmt).toBe("0.0");
    expect(sheet.getCell("A1").font?.bold).toBe(true);
  });

  it("gives the preview grid each cell's number format, after save and reload", async () => {
    const book = MemoryWorkbook.empty();
    await book.writeBlocks([{ sheet: "Plan", topLeft: "A1", values: [["Fill Rate (%)", 0.9876], ["Revenue", 1234.5]], numberFormats: [["@", "0.0%"], ["@", "#,##0"]] }]);
    const reloaded = await MemoryWorkbook.fromXlsx(await book.toXlsx());
    expect(reloaded.sheetNumberFormats("Plan")).toEqual([
      ["@", "0.0%"],
      ["@", "#,##0"],
    ]);
    expect((await plannerBook()).sheetNumberFormats("Sales")[0].slice(0, 3)).toEqual([undefined, undefined, undefined]);
  });

  it("keeps sheet protection after saving", async () => {
    const book = MemoryWorkbook.empty();
    await book.createSheet("Approved");
    await book.protectSheet("Approved");
    const reloaded = await MemoryWorkbook.fromXlsx(await book.toXlsx());
    expect((await reloaded.listSheets())[0].protected).toBe(true);
  });
});

describe("MemoryWorkbook round trip", () => {
  it("keeps values, ownership, metadata and recorded charts through save and reload", async () => {
    const book = MemoryWorkbook.empty();
    await book.createSheet("Forecast");
    await book.writeBlocks([{ sheet: "Forecast", topLeft: "A1", values: [["Item", "2024-01"], ["A", 12.5], ["B", null]] }]);
    await book.setMetadata("mapping", "x".repeat(70000));
    await book.addChart({ sheet: "Forecast", kind: "line", title: "Demand", dataAddress: "A1:B3", anchor: "D2" });

    const reloaded = await MemoryWorkbook.fromXlsx(await book.toXlsx());
    expect(await reloaded.read("Forecast")).toEqual([["Item", "2024-01"], ["A", 12.5], ["B", null]]);
    expect(await reloaded.listSheets()).toEqual([{ name: "Forecast", ownedByAddin: true, protected: false, visible: true }]);
    expect(await reloaded.getMetadata("mapping")).toBe("x".repeat(70000));
    expect(reloaded.charts()).toEqual([{ sheet: "Forecast", kind: "line", title: "Demand", dataAddress: "A1:B3", anchor: "D2" }]);
    expect(reloaded.sheetNames()).toEqual(["Forecast"]);

    const raw = new ExcelJS.Workbook();
    await raw.xlsx.load((await reloaded.toXlsx()) as unknown as ArrayBuffer);
    expect(raw.getWorksheet(METADATA_SHEET)!.state).toBe("veryHidden");
  });

  it("lets the preview grid edit a cell", async () => {
    const book = await plannerBook();
    book.setCell("Sales", "C3", 8);
    book.setCell("Sales", "D3", { formula: "=B3+C3" });
    expect(book.sheetValues("Sales")[2].slice(0, 3)).toEqual(["B-2", 5, 8]);
    expect(book.sheetInputs("Sales")[2][3]).toEqual({ formula: "=B3+C3" });
  });
});

describe("MemoryWorkbook file errors", () => {
  it.each([
    ["text", new TextEncoder().encode("item,jan\nA,1\n")],
    ["a truncated zip", new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3])],
  ])("rejects %s with a planner-readable message", async (_label, bytes) => {
    const load = MemoryWorkbook.fromXlsx(bytes);
    await expect(load).rejects.toBeInstanceOf(PlanningError);
    await expect(load).rejects.toThrow("This file is not an Excel workbook (.xlsx) or is damaged");
  });
});
