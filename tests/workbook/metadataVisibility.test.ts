import ExcelJS from "exceljs";
import { MemoryWorkbook } from "../../src/workbook/memoryWorkbook";
import { OfficeWorkbook } from "../../src/workbook/officeWorkbook";
import { FakeExcel } from "./fakeExcel";

describe("reading back how the add-in's metadata sheet is shown", () => {
  test("on Excel: absent before the first write, very hidden after it, hidden when someone unhid it partly", async () => {
    const fake = new FakeExcel();
    const book = new OfficeWorkbook(fake.runner);
    expect(await book.metadataVisibility()).toBe("absent");
    await book.setMetadata("k", "v");
    expect(await book.metadataVisibility()).toBe("veryHidden");
    fake.sheet("_sop_meta").visibility = "Hidden";
    expect(await book.metadataVisibility()).toBe("hidden");
  });

  test("in memory: as found in the file, and very hidden again once saved by the add-in", async () => {
    const raw = new ExcelJS.Workbook();
    raw.addWorksheet("Data").getCell("A1").value = 1;
    const meta = raw.addWorksheet("_sop_meta");
    meta.getCell("A1").value = "k";
    meta.getCell("B1").value = "v";
    meta.state = "visible";
    const book = await MemoryWorkbook.fromXlsx(new Uint8Array((await raw.xlsx.writeBuffer()) as ArrayBuffer));
    expect(await book.metadataVisibility()).toBe("visible");
    expect(await book.getMetadata("k")).toBe("v");
    expect(book.sheetNames()).toEqual(["Data"]);
    expect(await (await MemoryWorkbook.fromXlsx(await book.toXlsx())).metadataVisibility()).toBe("veryHidden");
  });
});
