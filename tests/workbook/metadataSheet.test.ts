import { decodeMetadata, encodeMetadata, ownedSheets, recordedCharts } from "../../src/workbook/metadataSheet";

describe("metadata sheet layout", () => {
  it("round-trips keys and long values split over 30,000-character cells", () => {
    const entries = new Map([
      ["short", "1"],
      ["long", "y".repeat(65000)],
      ["empty", ""],
    ]);
    const rows = encodeMetadata(entries);
    expect(rows.every((row) => row.length === 4)).toBe(true);
    expect(Math.max(...rows.flat().map((cell) => cell.length))).toBeLessThanOrEqual(30000);
    expect(decodeMetadata(rows)).toEqual(entries);
  });

  it("reads ownership and charts, ignoring what is not theirs", () => {
    const entries = new Map([
      ["_ownedSheets", '["SOP Forecast", 3]'],
      ["_charts", '[{"sheet":"S","kind":"line","title":"T","dataAddress":"A1:B2","anchor":"D2"},{"sheet":1}]'],
    ]);
    expect(ownedSheets(entries)).toEqual(["SOP Forecast"]);
    expect(recordedCharts(entries)).toEqual([{ sheet: "S", kind: "line", title: "T", dataAddress: "A1:B2", anchor: "D2" }]);
    expect(ownedSheets(new Map())).toEqual([]);
  });
});
