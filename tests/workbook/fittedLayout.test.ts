import ExcelJS from "exceljs";
import JSZip from "jszip";
import { columnPixels, fittedLayout, fittedWidths, keyColumns, shownLength } from "../../src/workbook/fittedLayout";
import { MemoryWorkbook } from "../../src/workbook/memoryWorkbook";
import type { WriteBlock } from "../../src/workbook/workbook";

const plan: WriteBlock = {
  sheet: "Plan",
  topLeft: "A1",
  values: [
    ["Item", "Family", "Measure", "2026-01", "2026-02"],
    ["CH-101", "Chairs", "Demand", 1234567.891, 0.5],
    ["CH-102", "Chairs", "Production", -98765.4, null],
  ],
  numberFormats: ["@", "@", "@", "#,##0.00", "0.0%"],
  headerRow: true,
};

describe("a layout fitted to what is written", () => {
  test("a column is as wide as its widest value as Excel shows it, plus padding", () => {
    expect(shownLength(1234567.891, "#,##0.00")).toBe("1,234,567.89".length);
    expect(shownLength(0.5, "0.0%")).toBe("50.0%".length);
    expect(shownLength({ formula: "=SUM(A1:A9)" }, undefined)).toBe(12);
    // "Production" 10 + 2; "1,234,567.89" 12 + 2; "2026-02" 7 + 2
    expect(fittedWidths([plan])).toEqual([8, 8, 12, 14, 9]);
    expect(fittedWidths([{ sheet: "S", topLeft: "C2", values: [["x".repeat(200)]] }])).toEqual([6, 6, 60]);
  });

  test("freezes the header row and the leading text columns, and prints landscape one page wide repeating them", () => {
    expect(keyColumns(plan)).toBe(3);
    expect(fittedLayout([plan])).toEqual({
      columnWidths: [8, 8, 12, 14, 9],
      freeze: { rows: 1, columns: 3 },
      print: { orientation: "landscape", pagesWide: 1, pagesTall: 0, titleRows: 1, titleColumns: 3 },
    });
    expect(fittedLayout([plan], true, "A1:F39").print).toEqual({ orientation: "landscape", pagesWide: 1, pagesTall: 1, titleRows: 0, titleColumns: 0, area: "A1:F39" });
    expect(columnPixels(8.43)).toBe(64);
  });

  test("MemoryWorkbook saves the widths, the frozen panes, the page setup and an absolute print area", async () => {
    const book = MemoryWorkbook.empty();
    await book.writeBlocks([plan], { layouts: { Plan: fittedLayout([plan]) } });
    await book.writeBlocks([{ sheet: "Summary", topLeft: "A1", values: [["Key figure", "Plan"]] }], { layouts: { Summary: fittedLayout([], true, "A1:F39") } });
    const bytes = await book.toXlsx();
    const saved = new ExcelJS.Workbook();
    await saved.xlsx.load(bytes as unknown as ArrayBuffer);
    const sheet = saved.getWorksheet("Plan")!;
    // 9, ExcelJS's default width it would leave out of the file, is saved as 9.01
    expect([1, 2, 3, 4, 5].map((c) => sheet.getColumn(c).width)).toEqual([8, 8, 12, 14, 9.01]);
    expect(sheet.views[0]).toMatchObject({ state: "frozen", xSplit: 3, ySplit: 1 });
    expect(sheet.pageSetup).toMatchObject({ orientation: "landscape", fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: "1:1" });
    const workbookXml = (await (await JSZip.loadAsync(bytes)).file("xl/workbook.xml")!.async("string")).replace(/&apos;/g, "'");
    expect(workbookXml).toContain("'Plan'!$A:$C,'Plan'!$1:$1");
    expect(workbookXml).toContain("Summary'!$A$1:$F$39");
  });

  test("refuses a layout for a sheet the write does not touch", async () => {
    const book = MemoryWorkbook.empty();
    await expect(book.writeBlocks([plan], { layouts: { Other: { columnWidths: [9] } } })).rejects.toThrow(/"Other" to lay out is not among the sheets written/);
  });
});

describe("native charts in the saved .xlsx", () => {
  test("each chart is a chart part with its references and cached values, drawn on its sheet between its two cells", async () => {
    const book = MemoryWorkbook.empty();
    await book.writeBlocks([{ sheet: "Summary", topLeft: "A1", values: [["Period", "Demand", "Supply"], ["2026-01", 10, 12], ["2026-02", 11, 9]] }]);
    await book.addChart({ sheet: "Summary", kind: "column", title: "Demand & supply", dataAddress: "A1:C3", anchor: "E2", bottomRight: "L18" });
    await book.addChart({ sheet: "Summary", kind: "line", title: "Supply", dataAddress: "A1:C3", anchor: "E20" });
    const zip = await JSZip.loadAsync(await book.toXlsx());
    const chart = await zip.file("xl/charts/chart1.xml")!.async("string");
    expect(chart).toContain("<c:barChart><c:barDir val=\"col\"/>");
    expect(chart).toContain("<a:t>Demand &amp; supply</a:t>");
    expect(chart).toContain("<c:f>Summary!$B$2:$B$3</c:f>");
    expect(chart).toContain("<c:f>Summary!$A$2:$A$3</c:f>");
    expect(chart).toContain('<c:pt idx="1"><c:v>9</c:v></c:pt>');
    expect(await zip.file("xl/charts/chart2.xml")!.async("string")).toContain("<c:lineChart>");
    const drawing = await zip.file("xl/drawings/drawing1.xml")!.async("string");
    expect(drawing).toContain("<xdr:from><xdr:col>4</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>1</xdr:row>");
    expect(drawing).toContain("<xdr:to><xdr:col>12</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>18</xdr:row>");
    expect(await zip.file("xl/drawings/_rels/drawing1.xml.rels")!.async("string")).toContain('Target="../charts/chart2.xml"');
    const types = await zip.file("[Content_Types].xml")!.async("string");
    expect(types).toContain('<Override PartName="/xl/drawings/drawing1.xml" ContentType="application/vnd.openxmlformats-officedocument.drawing+xml"/>');
    const sheet = await zip.file("xl/worksheets/sheet1.xml")!.async("string");
    expect(sheet).toMatch(/<drawing r:id="rId\d+"\/><\/worksheet>$|<drawing r:id="rId\d+"\/><(tableParts|extLst)/);
    // ExcelJS reads the file back (its charts are dropped, the metadata keeps them to write again)
    const reopened = await MemoryWorkbook.fromXlsx(await book.toXlsx());
    expect(reopened.charts().map((c) => c.title)).toEqual(["Demand & supply", "Supply"]);
  });
});
