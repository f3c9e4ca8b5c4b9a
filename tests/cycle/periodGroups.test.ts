import { affixBands, periodBands, subtotalLines, withMeasureHeaders } from "../../src/cycle/periodGroups";
import { findPeriodRun } from "../../src/cycle/periodHeader";

describe("periodBands: a location row over each location's months", () => {
  const header = ["Item", "Jan 2024", "Feb 2024", "Mar 2024", "Jan 2024", "Feb 2024", "Mar 2024"];

  it("splits the header line where the months start again, each band under its label (merged or written over each month)", () => {
    const merged = periodBands(["Plant", "North", null, null, "South", null, null], header);
    expect(merged?.map((band) => [band.location, band.labelAt, band.run.positions])).toEqual([
      ["North", 1, [1, 2, 3]],
      ["South", 4, [4, 5, 6]],
    ]);
    expect(periodBands([null, "N", "N", "N", "S", "S", "S"], header)?.map((band) => band.location)).toEqual(["N", "S"]);
  });

  it("finds none for measures, customers, two labels over one band, a label twice or months that do not start again", () => {
    expect(periodBands([null, "Actual", null, null, "Budget", null, null], header)).toBeUndefined();
    expect(periodBands(["Customer", "Acme", null, null, "Beta", null, null], header)).toBeUndefined();
    expect(periodBands([null, "North", "South", null, "West", null, null], header)).toBeUndefined();
    expect(periodBands([null, "North", null, null, "north", null, null], header)).toBeUndefined();
    expect(periodBands([null, "North", null, null, null, null, null], ["Item", "Jan 2024", "Feb 2024", "Mar 2024", "Apr 2024", "May 2024", "Jun 2024"])).toBeUndefined();
  });
});

describe("subtotalLines: quarter and half-year columns among the months", () => {
  const header = ["Item", "Jan 2024", "Feb 2024", "Mar 2024", "Q1", "Apr 2024", "May 2024", "Jun 2024", "Q2", "H1"];
  const run = findPeriodRun(header)!;

  it("are the Q and H columns whose every number sums the 3 or 6 months before them", () => {
    const values = [header, ["A", 1, 2, 3, 6, 4, 5, 6, 15, 21], ["B", null, null, null, null, 1, 1, 1, 3, 3]];
    expect([...subtotalLines(values, 0, run)]).toEqual([4, 8, 9]);
  });

  it("stop at the first that is not such a sum (a target typed there)", () => {
    expect([...subtotalLines([header, ["A", 1, 2, 3, 40, 4, 5, 6, 15, 61]], 0, run)]).toEqual([]);
  });
});

describe("withMeasureHeaders: months over a second header row of measures", () => {
  const top = ["Item", "Jan 2024", null, "Feb 2024", null, "Mar 2024", null, "Total", null];
  const sub = [null, "Qty", "Value", "Qty", "Value", "Qty", "Value", "Qty", "Value"];

  it("joins each measure to the period over or left of it, and the key headers of either line", () => {
    expect(withMeasureHeaders(top, sub)).toEqual(["Item", "Jan 2024 Qty", "Jan 2024 Value", "Feb 2024 Qty", "Feb 2024 Value", "Mar 2024 Qty", "Mar 2024 Value", "Total Qty", "Total Value"]);
    expect(withMeasureHeaders([null, 45292, 45323, 45352], ["Material", "Units", "Units", "Units"])).toEqual(["Material", "2024-01-01 Units", "2024-02-01 Units", "2024-03-01 Units"]);
  });

  it("keeps a period written in the lower line (a month added there later) as it is", () => {
    expect(withMeasureHeaders(["Item", "Jan 2024", "Feb 2024", "Mar 2024", null], [null, "Qty", "Qty", "Qty", "2024-04"])?.slice(3)).toEqual(["Mar 2024 Qty", "2024-04"]);
  });

  it("finds none under a line of data, a period without a measure, or more than four measures", () => {
    expect(withMeasureHeaders(top, ["CH-101", 1, 10, 2, 20, 3, 30, 6, 60])).toBeUndefined();
    expect(withMeasureHeaders(top, [null, "Qty", "Value", null, null, "Qty", "Value"])).toBeUndefined();
    expect(withMeasureHeaders(["Item", "Jan 2024", "Feb 2024", "Mar 2024", "Apr 2024", "May 2024"], [null, "a", "b", "c", "d", "e"])).toBeUndefined();
    expect(withMeasureHeaders(undefined, sub)).toBeUndefined();
  });
});

describe("affixBands: the location written into each period's header", () => {
  const months = ["Jan 2024", "Feb 2024", "Mar 2024"];
  it("bands 'Paris Jan 2024' .. 'Lyon Mar 2024' by place, before or after the month", () => {
    expect(affixBands(["Item", ...months.map((m) => `Paris ${m}`), ...months.map((m) => `Lyon ${m}`)])?.map((band) => [band.location, band.run.positions])).toEqual([
      ["Paris", [1, 2, 3]],
      ["Lyon", [4, 5, 6]],
    ]);
    expect(affixBands(["Item", ...months.map((m) => `${m} - North`), ...months.map((m) => `${m} - South`)])?.map((band) => band.location)).toEqual(["North", "South"]);
  });

  it("finds none for measures written so ('Actual', 'Budget', 'Qty', 'Value'), or one place only", () => {
    expect(affixBands(["Item", ...months.map((m) => `Actual ${m}`), ...months.map((m) => `Budget ${m}`)])).toBeUndefined();
    expect(affixBands(["Item", ...months.flatMap((m) => [`${m} Qty`, `${m} Value`])])).toBeUndefined();
    expect(affixBands(["Item", ...months.map((m) => `Paris ${m}`)])).toBeUndefined();
  });
});
