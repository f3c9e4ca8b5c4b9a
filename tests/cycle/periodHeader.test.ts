import { addMonths, findMonthRun, monthLabel, parseMonth } from "../../src/cycle/periodHeader";

describe("parseMonth", () => {
  it.each([
    ["2023-12", "2023-12"],
    ["2023/12", "2023-12"],
    ["2023-12-01", "2023-12"],
    ["2023-12-01T00:00:00", "2023-12"],
    ["2023M12", "2023-12"],
    ["12/2023", "2023-12"],
    ["01.2024", "2024-01"],
    ["Dec 2023", "2023-12"],
    ["Dec-23", "2023-12"],
    ["December 2023", "2023-12"],
    ["Sept 2024", "2024-09"],
    ["Jan'24", "2024-01"],
    ["2023 Dec", "2023-12"],
    ["1/12/2023", "2023-12"],
    ["31/01/2024", "2024-01"],
    ["01/31/2024", "2024-01"],
  ])("reads %s as %s", (text, label) => {
    expect(monthLabel(parseMonth(text)!)).toBe(label);
  });

  it("reads Excel date serials (1 Jan 2024 = 45292, 1 Dec 2023 = 45261)", () => {
    expect(parseMonth(45292)).toEqual({ year: 2024, month: 1 });
    expect(parseMonth(45261)).toEqual({ year: 2023, month: 12 });
  });

  it.each([["SKU"], ["Total"], [12], [2023], [45292.5], ["13/2023"], ["Decimal 2023"], [null], [true]])(
    "does not take %p for a month",
    (value) => {
      expect(parseMonth(value)).toBeUndefined();
    },
  );
});

describe("findMonthRun", () => {
  it("finds the month columns of a header row", () => {
    const run = findMonthRun(["SKU", "Family", "Jan 24", "Feb 24", "Mar 24", "Total"]);
    expect(run?.positions).toEqual([2, 3, 4]);
  });

  it("accepts one missing month but not quantities that look like dates", () => {
    expect(findMonthRun(["2024-01", "2024-02", "2024-04", "2024-05", "2024-06", "2024-07"])?.positions).toHaveLength(6);
    expect(findMonthRun(["A", 40000, 41000, 42500, 44000])).toBeUndefined();
  });

  it("needs at least three months, increasing", () => {
    expect(findMonthRun(["Jan 24", "Feb 24"])).toBeUndefined();
    expect(findMonthRun(["Mar 24", "Feb 24", "Jan 24"])).toBeUndefined();
  });
});

describe("addMonths", () => {
  it("crosses year ends both ways", () => {
    expect(addMonths({ year: 2023, month: 12 }, 1)).toEqual({ year: 2024, month: 1 });
    expect(addMonths({ year: 2024, month: 1 }, -1)).toEqual({ year: 2023, month: 12 });
  });
});
