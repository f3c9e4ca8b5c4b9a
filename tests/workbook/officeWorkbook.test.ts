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
    await fake.runner(async (context) => {
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
      { type: "Line", source: "Summary!A1:C13", seriesBy: "Columns", title: "Demand", position: "E2" },
    ]);
    expect(await book.getMetadata("mapping")).toBe("=" + "x".repeat(40000));
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
