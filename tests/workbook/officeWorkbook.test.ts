import type { WriteBlock } from "../../src/workbook/workbook";
import { OfficeWorkbook } from "../../src/workbook/officeWorkbook";
import { METADATA_SHEET } from "../../src/workbook/metadataSheet";
import { FakeExcel } from "./fakeExcel";

function setup(): { fake: FakeExcel; book: OfficeWorkbook } {
  const fake = new FakeExcel();
  fake.addSheet("Sales", [
    ["SKU", "Jan", "Feb"],
    ["A-1", 10, 12],
    ["B-2", 5, 7],
  ]);
  fake.addTable("SalesTable", "Sales", "A1:C3");
  fake.addName("Quantities", "=Sales!$B$2:$C$3");
  return { fake, book: new OfficeWorkbook(fake.runner) };
}

function rows(count: number): (string | number)[][] {
  return Array.from({ length: count }, (_, r) => [`item ${r}`, r, r * 2.5, "=not a formula"]);
}

describe("OfficeWorkbook batching", () => {
  it("writes 10 rows and 10,000 rows with the same small number of syncs", async () => {
    const counts: number[] = [];
    for (const size of [10, 10000]) {
      const { fake, book } = setup();
      await book.createSheet("Plan");
      const before = fake.syncs;
      await book.writeBlocks([
        { sheet: "Plan", topLeft: "A1", values: rows(size), numberFormats: ["@", "0", "0.00", "@"], headerRow: true },
        { sheet: "Plan", topLeft: "F1", values: rows(size) },
      ]);
      counts.push(fake.syncs - before);
      expect(fake.value("Plan", `B${size}`)).toBe(size - 1);
    }
    expect(counts[0]).toBe(counts[1]);
    expect(counts[0]).toBeLessThanOrEqual(3);
  });

  it("reads a range in at most 2 syncs", async () => {
    const { fake, book } = setup();
    const before = fake.syncs;
    await book.read("Sales!A1:C3");
    expect(fake.syncs - before).toBeLessThanOrEqual(2);
  });
});

describe("the fake Excel API", () => {
  it("throws on a property read before load and sync, and takes typed text as Excel does", async () => {
    const { fake } = setup();
    await fake.runner({ delayForCellEdit: true }, async (context) => {
      const range = context.workbook.worksheets.getItemOrNullObject("Sales").getRange("A1");
      expect(() => range.values).toThrow(/PropertyNotLoaded/);
      range.load("values");
      expect(() => range.values).toThrow(/PropertyNotLoaded/);
      await context.sync();
      expect(range.values).toEqual([["SKU"]]);
      range.values = [["=SUM(B2)"]];
    });
    expect(fake.cellModel("Sales", "A1")?.formula).toBe("=SUM(B2)");
  });
});

describe("OfficeWorkbook safety rules", () => {
  it("keeps typed text as text: =SUM(A1), -5, TRUE, 'quoted", async () => {
    const { fake, book } = setup();
    await book.writeBlocks([{ sheet: "Notes", topLeft: "A1", values: [["=SUM(A1)", "-5", "TRUE", "'quoted", { formula: "=B1*2" }]] }]);
    expect(fake.value("Notes", "A1")).toBe("=SUM(A1)");
    expect(fake.cellModel("Notes", "A1")?.formula).toBeUndefined();
    expect(fake.value("Notes", "B1")).toBe("-5");
    expect(fake.value("Notes", "C1")).toBe("TRUE");
    expect(fake.value("Notes", "D1")).toBe("'quoted");
    expect(fake.cellModel("Notes", "E1")?.formula).toBe("=B1*2");
    expect(await book.read("Notes!A1:D1")).toEqual([["=SUM(A1)", "-5", "TRUE", "'quoted"]]);
  });

  it("records ownership in a very hidden sheet", async () => {
    const { fake, book } = setup();
    await book.writeBlocks([{ sheet: "Plan", topLeft: "A1", values: [[1, 2, 3]] }]);
    expect(fake.sheet(METADATA_SHEET).visibility).toBe("VeryHidden");
  });

  it("protects a sheet once, however often asked (Excel refuses to protect a protected sheet)", async () => {
    const { fake, book } = setup();
    await book.createSheet("Approved");
    await book.protectSheet("Approved");
    await book.protectSheet("Approved");
    expect(fake.sheet("Approved").protected).toBe(true);
  });
});

describe("OfficeWorkbook reading and metadata", () => {
  it("reads a whole sheet from A1 even when its used range starts further in", async () => {
    const { fake, book } = setup();
    fake.addSheet("Offset", [[1, ""], ["", 2]], "C3");
    expect(await book.read("Offset")).toEqual([
      [null, null, null, null],
      [null, null, null, null],
      [null, null, 1, null],
      [null, null, null, 2],
    ]);
  });

  it("draws charts as Excel charts and keeps the metadata beside them", async () => {
    const { fake, book } = setup();
    await book.setMetadata("mapping", "=" + "x".repeat(40000));
    await book.createSheet("Summary");
    await book.addChart({ sheet: "Summary", kind: "line", title: "Demand", dataAddress: "A1:C13", anchor: "E2" });
    expect(fake.sheet("Summary").charts).toEqual([
      { name: "SOP Demand", type: "Line", source: "Summary!A1:C13", seriesBy: "Columns", title: "Demand", position: "E2" },
    ]);
    expect(await book.getMetadata("mapping")).toBe("=" + "x".repeat(40000));
  });
});

describe("OfficeWorkbook lays sheets out for reading and printing", () => {
  it("sets column widths in points, freezes the header and key columns, prints landscape one page wide with titles, in the write's own syncs", async () => {
    const { fake, book } = setup();
    const before = fake.syncs;
    await book.writeBlocks([{ sheet: "Plan", topLeft: "A1", values: [["Item", "Measure", "2026-01"], ["CH-1", "Demand", 1234567.5]], headerRow: true }], {
      layouts: { Plan: { columnWidths: [8, 12, 14], freeze: { rows: 1, columns: 2 }, print: { orientation: "landscape", pagesWide: 1, pagesTall: 0, titleRows: 1, titleColumns: 2 } } },
    });
    expect(fake.syncs - before).toBeLessThanOrEqual(3);
    const plan = fake.sheet("Plan");
    // 8 characters: 8 x 7 + 5 = 61 pixels, 45.75 points
    expect([...plan.columnWidths.entries()]).toEqual([
      [0, 45.75],
      [1, 66.75],
      [2, 77.25],
    ]);
    expect(plan.frozen).toEqual({ rows: 1, columns: 2 });
    expect(plan.page).toEqual({ orientation: "Landscape", zoom: { horizontalFitToPages: 1, verticalFitToPages: 0 }, titleRows: "$1:$1", titleColumns: "$A:$B" });
  });

  it("prints the summary on one page of its print area and places a chart between two cells", async () => {
    const { fake, book } = setup();
    await book.writeBlocks([{ sheet: "Summary", topLeft: "A1", values: [["Key figure", "Plan"]] }], {
      layouts: { Summary: { freeze: { rows: 0, columns: 0 }, print: { orientation: "landscape", pagesWide: 1, pagesTall: 1, titleRows: 0, titleColumns: 0, area: "A1:F39" } } },
    });
    await book.addChart({ sheet: "Summary", kind: "column", title: "Demand", dataAddress: "A1:B2", anchor: "A12", bottomRight: "B25" });
    const summary = fake.sheet("Summary");
    expect(summary.frozen).toBeUndefined();
    expect(summary.page).toEqual({ orientation: "Landscape", zoom: { horizontalFitToPages: 1, verticalFitToPages: 1 }, area: "A1:F39" });
    expect(summary.charts.map((chart) => chart.position)).toEqual(["A12:B25"]);
  });

  it("refuses a layout for a sheet the write does not touch", async () => {
    const { book } = setup();
    await expect(book.writeBlocks([{ sheet: "Plan", topLeft: "A1", values: [["x"]] }], { layouts: { Other: { columnWidths: [9] } } })).rejects.toThrow(/"Other" to lay out is not among the sheets written/);
  });
});

describe("OfficeWorkbook names of every kind Excel allows", () => {
  it("lists workbook and worksheet names, skipping those that are not one rectangle with a note", async () => {
    const { fake, book } = setup();
    fake.addName("WholeColumn", "=Sales!$A:$A");
    fake.addName("WholeRow", "=Sales!$1:$1");
    fake.addName("TwoAreas", "=Sales!$A$1:$B$2,Sales!$D$1:$E$2");
    fake.addName("Growing", "=OFFSET(Sales!$A$1,0,0,COUNTA(Sales!$A:$A),1)");
    fake.addName("Rate", "=0.05");
    fake.addName("Gone", "=#REF!$A$1");
    fake.addName("Hidden", "=Sales!$A$1", { visible: false });
    fake.addName("Local", "=Sales!$B$2:$B$3", { scope: "Sales" });
    const names = await book.listNames();
    expect(names.filter((name) => name.address !== null)).toEqual([
      { name: "Quantities", address: "Sales!B2:C3" },
      { name: "Local", address: "Sales!B2:B3", scope: "Sales" },
    ]);
    expect(Object.fromEntries(names.filter((name) => name.address === null).map((name) => [name.name, name.note?.split(" (")[0]]))).toEqual({
      WholeColumn: "refers to whole columns",
      WholeRow: "refers to whole rows",
      TwoAreas: "refers to several areas",
      Growing: "is a formula, not a fixed range of cells",
      Rate: "is a constant, not a range of cells",
      Gone: "refers to cells that were deleted",
    });
    expect(await book.read("Sales!Local")).toEqual([[10], [5]]);
    await expect(book.read("WholeColumn")).rejects.toThrow(/"WholeColumn" cannot be read: it refers to whole columns/);
  });
});

/** A plan sheet as step 3 writes it: item, measure, then `months` quantities under "#,##0.00". */
function planBlock(items: number, months: number): WriteBlock {
  const header = ["Item", "Measure", ...Array.from({ length: months }, (_, m) => `2027-${String((m % 12) + 1).padStart(2, "0")}`)];
  const rows = Array.from({ length: items * 3 }, (_, r) => [`ITEM-${Math.floor(r / 3)}`, ["Production", "Inventory", "Shortage"][r % 3], ...Array.from({ length: months }, (_, m) => (r * 37 + m * 11) / 7)]);
  return { sheet: "SOP Supply Plan", topLeft: "A1", values: [header, ...rows], numberFormats: ["@", "@", ...new Array<string>(months).fill("#,##0.00")], headerRow: true };
}

describe("OfficeWorkbook within Excel on the web's limits", () => {
  it("writes a 1,000-item plan in requests under 2 MB with one number format per column run", async () => {
    const { fake, book } = setup();
    fake.resetStats();
    await book.writeBlocks([planBlock(1000, 36)]);
    expect(fake.largestRequest.bytes).toBeLessThan(2_000_000);
    expect(fake.cellModel("SOP Supply Plan", "C3001")?.numberFormat).toBe("#,##0.00");
    expect(fake.cellModel("SOP Supply Plan", "B3001")?.numberFormat).toBe("@");
    expect(fake.cellModel("SOP Supply Plan", "A1")?.bold).toBe(true);
  });

  it("writes and reads back a 5,000-item plan (several MB) in chunks Excel on the web accepts", async () => {
    const { fake, book } = setup();
    const block = planBlock(5000, 36);
    fake.resetStats();
    await book.writeBlocks([block]);
    expect(fake.largestRequest.bytes).toBeLessThan(2_100_000);
    expect(fake.value("SOP Supply Plan", "AL15001")).toBe(block.values[15000][37]);
    book.forget();
    const values = await book.read("SOP Supply Plan");
    expect(values).toHaveLength(15001);
    expect(values[15000][37]).toBe(block.values[15000][37]);
    expect(fake.largestResponse.bytes).toBeLessThan(5 * 1024 * 1024);
  });

  it("reads a window of rows without reading the rest", async () => {
    const { fake, book } = setup();
    const block = planBlock(1000, 36);
    await book.writeBlocks([block]);
    book.forget();
    expect(await book.extent("SOP Supply Plan")).toEqual({ rows: 3001, columns: 38 });
    fake.resetStats();
    const window = await book.read("SOP Supply Plan", { offset: 100, count: 10 });
    expect(window).toEqual(block.values.slice(100, 110));
    expect(fake.largestResponse.cells).toBe(10 * 38);
  });

  it("sends reads asked for together in one sync, and reads nothing twice within a step", async () => {
    const { fake, book } = setup();
    fake.addSheet("Other", [["x", 1]]);
    await book.listSheets();
    await book.listTables();
    const before = fake.syncs;
    const [sales, other, table] = await Promise.all([book.read("Sales"), book.read("Other"), book.read("SalesTable")]);
    expect(fake.syncs - before).toBe(1);
    expect([sales[1], other[0], table[2]]).toEqual([["A-1", 10, 12], ["x", 1], ["B-2", 5, 7]]);
    await book.read("Sales");
    expect(fake.syncs - before).toBe(1);
    await book.writeBlocks([{ sheet: "Plan", topLeft: "A1", values: [[1]] }]);
    expect(await book.read("Plan")).toEqual([[1]]);
  });

  it("waits while the planner edits a cell instead of failing (every batch asks delayForCellEdit)", async () => {
    const { fake, book } = setup();
    fake.cellEditMode = true;
    let done = false;
    const listing = book.listSheets().then((sheets) => ((done = true), sheets));
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(done).toBe(false);
    fake.endCellEdit();
    expect((await listing).map((sheet) => sheet.name)).toEqual(["Sales"]);
    await book.writeBlocks([{ sheet: "Plan", topLeft: "A1", values: [[1]] }]);
    expect(fake.runsWithoutDelay).toBe(0);
  });

  it("asks the overwrite question before a batch opens, never inside one", async () => {
    const { fake, book } = setup();
    const open: number[] = [];
    await book.writeBlocks([{ sheet: "Sales", topLeft: "B2", values: [[99]] }], { overwrite: async () => (open.push(fake.openBatches), true) });
    expect(open).toEqual([0]);
    expect(fake.value("Sales", "B2")).toBe(99);
  });

  it("reads dates of a 1904 workbook as the same days in the 1900 system", async () => {
    const { fake, book } = setup();
    fake.use1904DateSystem = true;
    fake.addSheet("Dated", [["Item", 43830, 43861], ["A-1", 5, 6]]);
    for (const cell of ["B1", "C1"]) (fake.cellModel("Dated", cell) as { numberFormat: string }).numberFormat = "mmm-yy";
    // 43830 in the 1904 system is 1 Jan 2024, serial 45292 in the 1900 system; quantities stay as they are.
    expect(await book.read("Dated")).toEqual([["Item", 45292, 45323], ["A-1", 5, 6]]);
  });

  it("refuses a sheet name Excel refuses, saying why", async () => {
    const { book } = setup();
    await expect(book.createSheet("History")).rejects.toThrow(/"History" cannot be a sheet name: Excel reserves/);
    await expect(book.writeBlocks([{ sheet: "Plan: 2026/11", topLeft: "A1", values: [[1]] }])).rejects.toThrow(/cannot be a sheet name: it holds one of/);
    await expect(book.createSheet("x".repeat(32))).rejects.toThrow(/32 characters long/);
  });

  it("updates a chart's source range when asked again instead of adding a second, stale chart", async () => {
    const { fake, book } = setup();
    await book.createSheet("Summary");
    await book.addChart({ sheet: "Summary", kind: "line", title: "Demand", dataAddress: "A1:C13", anchor: "E2" });
    book.forget();
    await book.addChart({ sheet: "Summary", kind: "line", title: "Demand", dataAddress: "A1:C19", anchor: "E2" });
    expect(fake.sheet("Summary").charts.map((chart) => chart.source)).toEqual(["Summary!A1:C19"]);
  });

  it("writes all or nothing: a write that fails part way leaves no sheet and no metadata behind", async () => {
    const { fake, book } = setup();
    await book.listSheets();
    // The first chunk of this 2.4 MB write goes through, the second does not.
    fake.failSyncAfter(1);
    await expect(book.writeBlocks([planBlock(2000, 36)], { metadata: { note: "written" } })).rejects.toThrow(/connection/);
    book.forget();
    expect((await book.listSheets()).map((sheet) => sheet.name)).toEqual(["Sales"]);
    expect(await book.getMetadata("note")).toBeUndefined();
  });
});

describe("the strict fake keeps Excel's rules", () => {
  it("fails a request over 5 MB whole, and a read of more than five million cells", async () => {
    const { fake } = setup();
    const big = Array.from({ length: 60_000 }, (_, r) => Array.from({ length: 10 }, (_, c) => `row ${r} column ${c}`));
    await expect(
      fake.runner({ delayForCellEdit: true }, async (context) => {
        context.workbook.worksheets.getItem("Sales").getRange(`A1:J60000`).formulas = big;
        await context.sync();
      }),
    ).rejects.toThrow(/RequestPayloadSizeLimitExceeded/);
    expect(fake.value("Sales", "A1")).toBe("SKU");
    await expect(
      fake.runner({ delayForCellEdit: true }, async (context) => {
        context.workbook.worksheets.getItem("Sales").getRange("A1:XFD400").load("values");
        await context.sync();
      }),
    ).rejects.toThrow(/at most 5,000,000/);
  });

  it("rejects a batch without delayForCellEdit while a cell is being edited", async () => {
    const { fake } = setup();
    fake.cellEditMode = true;
    await expect(fake.runner({}, async () => 1)).rejects.toThrow(/InvalidOperationInCellEditMode/);
  });

  it("refuses writes to a protected sheet and names Excel refuses", async () => {
    const { fake } = setup();
    fake.sheet("Sales").protected = true;
    await expect(
      fake.runner({ delayForCellEdit: true }, async (context) => {
        context.workbook.worksheets.getItem("Sales").getRange("A1").formulas = [[1]];
        await context.sync();
      }),
    ).rejects.toThrow(/AccessDenied/);
    for (const name of ["History", "a/b", "x".repeat(32)]) {
      await expect(
        fake.runner({ delayForCellEdit: true }, async (context) => {
          context.workbook.worksheets.add(name);
          await context.sync();
        }),
      ).rejects.toThrow(/InvalidArgument/);
    }
  });
});

describe("OfficeWorkbook reads asked for together", () => {
  it("fails only the read of a reference that is not there", async () => {
    const { book } = setup();
    const [sales, missing] = await Promise.allSettled([book.read("Sales!A1:B1"), book.read("Nowhere")]);
    expect(sales).toEqual({ status: "fulfilled", value: [["SKU", "Jan"]] });
    expect(missing.status === "rejected" && String(missing.reason)).toMatch(/no sheet, table or named range called "Nowhere"/);
  });
});

describe("OfficeWorkbook on an Excel that does not chain null objects", () => {
  it("reads the add-in's metadata in two syncs instead of failing", async () => {
    const { fake, book } = setup();
    fake.refuseNullChains = true;
    expect(await book.getMetadata("mapping")).toBeUndefined();
    await book.setMetadata("mapping", "{}");
    book.forget();
    expect(await book.getMetadata("mapping")).toBe("{}");
    expect((await book.listSheets()).map((sheet) => sheet.name)).toEqual(["Sales"]);
  });
});
