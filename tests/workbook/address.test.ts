import { cellAddress, columnIndex, columnLetters, parseCell, parseRange, rangeAddress, sheetCellAddress } from "../../src/workbook/address";
import { WorkbookError } from "../../src/workbook/workbookError";

describe("A1 addresses", () => {
  it.each([
    [0, "A"],
    [25, "Z"],
    [26, "AA"],
    [36, "AK"],
    [701, "ZZ"],
    [702, "AAA"],
    [16383, "XFD"],
  ])("column %i is %s and back", (index, letters) => {
    expect(columnLetters(index)).toBe(letters);
    expect(columnIndex(letters)).toBe(index);
  });

  it("parses and formats cells and ranges, with $ signs and quoted sheet names", () => {
    expect(parseCell("$C$5")).toEqual({ row: 4, col: 2 });
    expect(cellAddress({ row: 4, col: 2 })).toBe("C5");
    expect(parseRange("'Sales History'!$B$2:$AK$41")).toEqual({ sheet: "Sales History", top: 1, left: 1, bottom: 40, right: 36 });
    expect(parseRange("'It''s'!A1")).toEqual({ sheet: "It's", top: 0, left: 0, bottom: 0, right: 0 });
    expect(parseRange("D4:B2")).toEqual({ sheet: undefined, top: 1, left: 1, bottom: 3, right: 3 });
    expect(rangeAddress({ top: 1, left: 1, bottom: 40, right: 36 }, "Sales History")).toBe("'Sales History'!B2:AK41");
    expect(rangeAddress({ top: 0, left: 0, bottom: 0, right: 0 })).toBe("A1");
    expect(sheetCellAddress("Items", { row: 0, col: 0 })).toBe("Items!A1");
  });

  it("rejects text that is not an address", () => {
    expect(() => parseCell("5C")).toThrow(WorkbookError);
    expect(() => parseRange("Items!A1:B2:C3")).toThrow(/not a range/);
    expect(() => columnLetters(-1)).toThrow(WorkbookError);
  });
});
