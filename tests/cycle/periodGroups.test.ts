import { periodBands, subtotalLines } from "../../src/cycle/periodGroups";
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
