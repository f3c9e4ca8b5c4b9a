import { headingKeys, keysAbove, repeatsHeader } from "../../src/cycle/blockHeadings";

describe("headingKeys: the item and location a report's heading line names", () => {
  it("reads 'Label: value', 'Label code - description' and a label cell followed by its value", () => {
    expect(headingKeys(["Item: CH-101 Office chair"])).toEqual({ item: "CH-101" });
    expect(headingKeys(["Material 100234 - Office chair"])).toEqual({ item: "100234" });
    expect(headingKeys([null, "Item No.", "CH-101", "Office chair"])).toEqual({ item: "CH-101" });
    expect(headingKeys(["Artikel:", 100234, null, "Werk:", "Hamburg Nord"])).toEqual({ item: "100234", location: "Hamburg Nord" });
    expect(headingKeys(["Plant: 1000"])).toEqual({ location: "1000" });
  });

  it("finds none in titles, header rows of other fields, or lines of data", () => {
    expect(headingKeys(["Sales history by item, printed 2025-04-02"])).toBeUndefined();
    expect(headingKeys(["Product sales report"])).toBeUndefined();
    expect(headingKeys(["Month", "Quantity"])).toBeUndefined();
    expect(headingKeys([45292, "CH-101", 12])).toBeUndefined();
  });
});

describe("keysAbove and repeatsHeader: the first block's heading and each block's header row", () => {
  it("merges the heading lines right above the header row, the nearer one winning, and stops at a title", () => {
    const rows = [["Sales report"], ["Plant: 1000"], [], ["Item: CH-101"], ["Month", "Qty"]];
    expect(keysAbove(rows, 4)).toEqual({ item: "CH-101", location: "1000" });
    expect(keysAbove([["Sales report"], ["Month", "Qty"]], 1)).toBeUndefined();
  });

  it("knows a header row repeated, whatever its case", () => {
    expect(repeatsHeader(["month", "QTY"], ["Month", "Qty"], [0, 1])).toBe(true);
    expect(repeatsHeader([45292, 3], ["Month", "Qty"], [0, 1])).toBe(false);
  });
});
