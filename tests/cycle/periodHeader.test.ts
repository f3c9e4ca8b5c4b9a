import { dayLabel, daySerial } from "../../src/cycle/calendarDays";
import {
  addMonths,
  findMonthRun,
  ambiguousDayMonth,
  dayMonthOrder,
  findPeriodRun,
  inTimeOrder,
  leftOutMeasure,
  looksLikePeriod,
  monthLabel,
  monthOfName,
  parseMonth,
  parsePeriodCell,
  parseSpanLabel,
  periodLineProblem,
  spanLabel,
  textDaySpan,
  writesYearWeeks,
  yearMonthSpan,
  yearWeekNumberSpan,
  yearWeekSpan,
} from "../../src/cycle/periodHeader";

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

describe("findPeriodRun: months, weeks and days", () => {
  const monday = daySerial(2024, 1, 1);

  it("reads dates a week apart as weeks starting on them, and labels a Monday week by its ISO week", () => {
    const run = findPeriodRun(["Item", monday, monday + 7, monday + 14, "Total"])!;
    expect(run.kind).toBe("week");
    expect(run.positions).toEqual([1, 2, 3]);
    expect(run.spans.map(spanLabel)).toEqual(["2024-W01", "2024-W02", "2024-W03"]);
  });

  it("labels a week starting on another day by its first day", () => {
    const sunday = monday - 1;
    expect(findPeriodRun([sunday, sunday + 7, sunday + 14])!.spans.map(spanLabel)).toEqual(["2023-12-31", "2024-01-07", "2024-01-14"]);
  });

  it.each([["2024-W05"], ["2024W05"], ["W05 2024"], ["2024 wk 5"], ["KW 5 2024"], ["week 5, 2024"], ["CW 05 2024"], ["2024 CW05"]])("reads %s as ISO week 5 of 2024", (text) => {
    expect(parsePeriodCell(text)).toEqual({ kind: "week", first: daySerial(2024, 1, 29), days: 7 });
  });

  it("reads a header date with a time of day (a month's end stamped 23:59:59) as its day", () => {
    const ends = [daySerial(2024, 1, 31), daySerial(2024, 2, 29), daySerial(2024, 3, 31)].map((serial) => serial + 86_399 / 86_400);
    expect(findPeriodRun(["Item", ...ends])?.spans.map(spanLabel)).toEqual(["2024-01", "2024-02", "2024-03"]);
  });

  it("reads a year and a number past 12 as calendar weeks (SAP's YYYYWW and WW.YYYY), up to 12 as months", () => {
    expect(findPeriodRun(["Item", 202411, 202412, 202413])?.spans.map(spanLabel)).toEqual(["2024-W11", "2024-W12", "2024-W13"]);
    expect(findPeriodRun(["Item", "12.2024", "13.2024", "14.2024"])?.spans.map(spanLabel)).toEqual(["2024-W12", "2024-W13", "2024-W14"]);
    expect(findPeriodRun(["Item", "2024.52", "2025.01", "2025.02"])?.spans.map(spanLabel)).toEqual(["2024-W52", "2025-W01", "2025-W02"]);
    expect(findPeriodRun(["Item", 202410, 202411, 202412])?.spans.map(spanLabel)).toEqual(["2024-10", "2024-11", "2024-12"]);
    expect(writesYearWeeks(["202413", "202414"])).toBe(true);
    expect(writesYearWeeks(["202401", "202454"])).toBe(false);
    expect(yearWeekSpan("13.2024")).toEqual({ kind: "week", first: daySerial(2024, 3, 25), days: 7 });
    expect(yearWeekSpan(202453)).toBeUndefined();
  });

  it("reads dates a week apart as weeks ending on them when the line says so ('Week ending', 'W/E ...')", () => {
    const sunday = monday + 6;
    expect(findPeriodRun(["Week ending", sunday, sunday + 7, sunday + 14])!.spans.map(spanLabel)).toEqual(["2024-W01", "2024-W02", "2024-W03"]);
    expect(findPeriodRun(["SKU", "W/E 2024-01-07", "W/E 2024-01-14", "W/E 2024-01-21"])!.spans.map(spanLabel)).toEqual(["2024-W01", "2024-W02", "2024-W03"]);
    expect(findPeriodRun(["Weekend promo", sunday, sunday + 7, sunday + 14])!.spans.map(spanLabel)).toEqual(["2024-01-07", "2024-01-14", "2024-01-21"]);
    expect(findPeriodRun(["SKU", sunday, sunday + 7, sunday + 14, "Ending stock"])!.spans.map(spanLabel)).toEqual(["2024-01-07", "2024-01-14", "2024-01-21"]);
  });

  it("reads text dates day first or month first as the line settles it: UK and US weekly headers are weeks, month ends stay months", () => {
    expect(findPeriodRun(["SKU", "01/01/2024", "08/01/2024", "15/01/2024"])!.spans.map(spanLabel)).toEqual(["2024-W01", "2024-W02", "2024-W03"]);
    expect(findPeriodRun(["SKU", "1/1/2024", "1/8/2024", "1/15/2024"])!.spans.map(spanLabel)).toEqual(["2024-W01", "2024-W02", "2024-W03"]);
    expect(findPeriodRun(["SKU", "31/01/2024", "29/02/2024", "31/03/2024"])!.spans.map(spanLabel)).toEqual(["2024-01", "2024-02", "2024-03"]);
    expect(findPeriodRun(["SKU", "01/01/2024", "01/02/2024", "01/03/2024"])!.spans.map(spanLabel)).toEqual(["2024-01", "2024-02", "2024-03"]);
  });

  it("reads months and days as ERP systems store them, run together: 202401 and 20240115, as numbers or text", () => {
    expect(findPeriodRun(["Material", 202311, 202312, 202401])!.spans.map(spanLabel)).toEqual(["2023-11", "2023-12", "2024-01"]);
    expect(findPeriodRun(["Material", "202311", "202312", "202401"])!.spans.map(spanLabel)).toEqual(["2023-11", "2023-12", "2024-01"]);
    expect(parsePeriodCell(20240115)).toEqual({ kind: "day", first: daySerial(2024, 1, 15), days: 1 });
    expect(parsePeriodCell("20240229")).toEqual({ kind: "day", first: daySerial(2024, 2, 29), days: 1 });
    expect(parsePeriodCell(202402)).toEqual({ kind: "month", first: daySerial(2024, 2, 1), days: 29 });
    expect([parsePeriodCell("20230229"), parsePeriodCell(202413), parsePeriodCell(123456), parsePeriodCell("2024011")]).toEqual([undefined, undefined, undefined, undefined]);
  });

  it("reads daily dates (weekends skipped too) as days, and firsts of months as months", () => {
    const friday = daySerial(2024, 1, 5);
    expect(findPeriodRun([friday, friday + 3, friday + 4, friday + 5])!.kind).toBe("day");
    expect(findPeriodRun(["2024-01-01", "2024-02-01", "2024-03-01"])!.spans.map(spanLabel)).toEqual(["2024-01", "2024-02", "2024-03"]);
  });

  it("does not take a run-date cell or scattered quantities for periods", () => {
    expect(findPeriodRun(["Run date:", 46027, null, null])).toBeUndefined();
    expect(findPeriodRun([45292, 45000, 46000])).toBeUndefined();
  });

  it("reads one cell on its own (an order line's date) and a label back", () => {
    expect(parsePeriodCell(45292.75)).toEqual({ kind: "day", first: 45292, days: 1 });
    expect(parsePeriodCell("Jan 2024")).toEqual({ kind: "month", first: 45292, days: 31 });
    expect(parsePeriodCell("CH-101")).toBeUndefined();
    expect(parseSpanLabel("2024-W05", "week")).toEqual({ kind: "week", first: daySerial(2024, 1, 29), days: 7 });
    expect(parseSpanLabel("2024-02", "month")).toEqual({ kind: "month", first: daySerial(2024, 2, 1), days: 29 });
    expect(() => parseSpanLabel("2024-02", "day")).toThrow(RangeError);
  });
});

describe("month names in other languages", () => {
  it.each([
    ["Mär 2024", "2024-03"],
    ["Mrz 2024", "2024-03"],
    ["Okt 2024", "2024-10"],
    ["Dez. 2024", "2024-12"],
    ["janv. 2024", "2024-01"],
    ["févr. 2024", "2024-02"],
    ["fevr 2024", "2024-02"],
    ["août 2024", "2024-08"],
    ["déc. 2025", "2025-12"],
    ["ene-24", "2024-01"],
    ["ago-24", "2024-08"],
    ["dic-24", "2024-12"],
    ["gen 2024", "2024-01"],
    ["mrt 2024", "2024-03"],
    ["maio 2024", "2024-05"],
  ])("%s is %s", (text, expected) => {
    expect(monthLabel(parseMonth(text)!)).toBe(expected);
  });

  it("no name stands for two months, and words that are not months are none", () => {
    expect(monthOfName("Mai")).toBe(5);
    expect(monthOfName("set")).toBe(9);
    expect(monthOfName("Total")).toBeUndefined();
    expect(parseMonth("Marc 2024")).toBeUndefined();
  });
});

describe("dates read as months", () => {
  it("month ends and one day of each month are months; 4-4-5 period end dates are not", () => {
    const ends = [daySerial(2024, 1, 31), daySerial(2024, 2, 29), daySerial(2024, 3, 31)];
    expect(findPeriodRun(["Item", ...ends])?.spans.map(spanLabel)).toEqual(["2024-01", "2024-02", "2024-03"]);
    const fifteenths = [daySerial(2024, 1, 15), daySerial(2024, 2, 15), daySerial(2024, 3, 15)];
    expect(findPeriodRun(["Item", ...fifteenths])?.kind).toBe("month");
    const fourFourFive = [daySerial(2024, 1, 27), daySerial(2024, 2, 24), daySerial(2024, 3, 30), daySerial(2024, 4, 27)];
    expect(findPeriodRun(["Item", ...fourFourFive])).toBeUndefined();
  });
});

describe("findPeriodRun: a line listing its newest period first", () => {
  it("reads months, weeks and days falling one period apart, in the line's order, and gives them oldest first for a mapping", () => {
    const months = findPeriodRun(["Material", "Mar 2025", "Feb 2025", "Jan 2025", "YTD"])!;
    expect(months).toMatchObject({ kind: "month", positions: [1, 2, 3], newestFirst: true });
    expect(inTimeOrder(months)).toEqual({ lines: [3, 2, 1], spans: [parsePeriodCell("Jan 2025"), parsePeriodCell("Feb 2025"), parsePeriodCell("Mar 2025")] });
    expect(findPeriodRun(["Item", "2025-W03", "2025-W02", "2025-W01"])).toMatchObject({ kind: "week", newestFirst: true });
    const day = daySerial(2025, 1, 8);
    expect(findPeriodRun(["Item", day, day - 1, day - 2])).toMatchObject({ kind: "day", newestFirst: true });
    expect(findPeriodRun(["Item", "Jan 2025", "Feb 2025", "Mar 2025"])?.newestFirst).toBeUndefined();
  });

  it("still refuses a line that goes back and forth, naming the cell", () => {
    const mixed = ["Item", "Jan 2025", "Mar 2025", "Feb 2025", "Apr 2025"];
    expect(findPeriodRun(mixed)).toBeUndefined();
    expect(periodLineProblem(mixed, undefined)?.position).toBe(3);
  });
});

describe("periodLineProblem: headers that look like periods but cannot be read exactly", () => {
  it.each([
    ["FY24 P01"],
    ["FY24 M01"],
    ["Period 3"],
    ["Q1 2024"],
    ["W05"],
    ["sty 2024"],
    ["24-Jan"],
    ["Jul"],
    ["45292"],
    ["01/24"],
  ])("%s looks like a period", (text) => {
    expect(looksLikePeriod(text)).toBe(true);
  });

  it.each([["Item"], ["Description"], ["Pack size"], ["CH-101"], ["Total"]])("%s does not", (text) => {
    expect(looksLikePeriod(text)).toBe(false);
  });

  it("names the cell: an unread month beside a run, a repeated month, a fiscal period, 4-4-5 dates", () => {
    const unread = ["Item", "Jan 2024", "Feb 2024", "Mar 2024", "sty 2024"];
    expect(periodLineProblem(unread, findPeriodRun(unread))).toEqual({ position: 4, reason: expect.stringContaining('"sty 2024" looks like a period') });
    const repeated = ["Item", "Jan 2024", "Feb 2024", "Feb 2024", "Mar 2024"];
    expect(periodLineProblem(repeated, findPeriodRun(repeated))?.position).toBe(3);
    expect(periodLineProblem(["Item", "FY24 P01", "FY24 P02", "FY24 P03"], undefined)?.reason).toMatch(/^"FY24 P01" names a period step 1 cannot place/);
    // two measures a month, neither of them money ("Jan 2024 Units", "Jan 2024 Cases"): named as such, not as an unknown period
    const measures = ["Item", "Jan 2024 Units", "Jan 2024 Cases", "Feb 2024 Units", "Feb 2024 Cases", "Mar 2024 Units", "Mar 2024 Cases"];
    expect(periodLineProblem(measures, findPeriodRun(measures))).toEqual({
      position: 1,
      reason: '"Jan 2024 Units" carries one of 2 measures written into the period headers ("units", "cases"): which of them is demand is not guessed. Keep the columns of one measure (copy them to a sheet of their own)',
    });
    // a quantity beside a value: the quantity is the run, the value headers are the ones left out
    const qtyValue = ["Item", "Jan 2024 Qty", "Jan 2024 Value", "Feb 2024 Qty", "Feb 2024 Value", "Mar 2024 Qty", "Mar 2024 Value"];
    expect(findPeriodRun(qtyValue)?.positions).toEqual([1, 3, 5]);
    expect(leftOutMeasure(qtyValue)).toEqual({ positions: [2, 4, 6], kept: "qty", dropped: ["value"] });
    expect(leftOutMeasure(measures)).toBeUndefined();
    // January 2024, or 24 January? Not guessed
    expect(periodLineProblem(["Item", "01/24", "02/24", "03/24"], findPeriodRun(["Item", "01/24", "02/24", "03/24"]))?.reason).toMatch(/^"01\/24" names a period step 1 cannot place on the calendar \(.*a two-digit year/);
    const dates = ["Item", daySerial(2024, 1, 27), daySerial(2024, 2, 24), daySerial(2024, 3, 30)];
    expect(periodLineProblem(dates, findPeriodRun(dates))?.reason).toMatch(/^"2024-01-27" starts dates/);
    const fine = ["Item", "Jan 2024", "Feb 2024", "Mar 2024", "Total"];
    expect(periodLineProblem(fine, findPeriodRun(fine))).toBeUndefined();
  });
});

describe("an order line's text date", () => {
  it("is the day it names, settled by a part above 12, day first where both read", () => {
    expect(textDaySpan("13.01.2024")).toEqual({ kind: "day", first: daySerial(2024, 1, 13), days: 1 });
    expect(textDaySpan("1/13/2024")).toEqual({ kind: "day", first: daySerial(2024, 1, 13), days: 1 });
    expect(textDaySpan("01.02.2024")?.first).toBe(daySerial(2024, 2, 1));
    expect(textDaySpan("13.01.2024 14:32")?.first).toBe(daySerial(2024, 1, 13));
    expect(textDaySpan("2024-01-13")).toBeUndefined();
    expect(textDaySpan("31.02.2024")).toBeUndefined();
  });

  it("settles its column's order only when one part is above 12", () => {
    expect([dayMonthOrder("13.01.2024"), dayMonthOrder("1/13/2024"), dayMonthOrder("01.02.2024"), dayMonthOrder("13/13/2024"), dayMonthOrder(45292)]).toEqual([
      "dayFirst",
      "monthFirst",
      undefined,
      undefined,
      undefined,
    ]);
  });
});

describe("yearMonthSpan: a year and a month in two cells", () => {
  it("reads numbers, their text and month names, and nothing else", () => {
    expect(yearMonthSpan(2024, 2)).toEqual({ kind: "month", first: daySerial(2024, 2, 1), days: 29 });
    expect(yearMonthSpan("2024", "02")).toEqual(yearMonthSpan(2024, 2));
    expect(yearMonthSpan(2024, "Feb")).toEqual(yearMonthSpan(2024, 2));
    expect(yearMonthSpan(2024, "März")).toEqual(yearMonthSpan(2024, 3));
    for (const [year, month] of [[2024, 13], [2024, 0], [2024, 2.5], [24, 2], ["FY24", 2], [2024, "Q1"], [null, 2]] as const) {
      expect(yearMonthSpan(year, month)).toBeUndefined();
    }
  });
});

describe("ambiguousDayMonth: a text date that reads as two days", () => {
  it.each([
    ["01/02/2024", ["2024-02-01", "2024-01-02"]],
    ["3.4.2024", ["2024-04-03", "2024-03-04"]],
    ["13/02/2024", undefined],
    ["02/13/2024", undefined],
    ["05/05/2024", undefined],
    ["2024-01-02", undefined],
    [45292, undefined],
  ])("%s: %s", (value, expected) => {
    const twoDays = ambiguousDayMonth(value);
    expect(twoDays === undefined ? undefined : [dayLabel(twoDays.dayFirst), dayLabel(twoDays.monthFirst)]).toEqual(expected);
  });
});

describe("yearWeekNumberSpan: a year and a week number in two cells", () => {
  it("reads 2024 and 13, '2024' and 'W13', as ISO week 13 of 2024; no week 53 in 2024 or a week 0", () => {
    expect(yearWeekNumberSpan(2024, 13)).toEqual({ kind: "week", first: daySerial(2024, 3, 25), days: 7 });
    expect(yearWeekNumberSpan("2024", "W13")).toEqual(yearWeekNumberSpan(2024, 13));
    expect(yearWeekNumberSpan(2026, 53)).toEqual({ kind: "week", first: daySerial(2026, 12, 28), days: 7 });
    expect(yearWeekNumberSpan(2024, 53)).toBeUndefined();
    expect(yearWeekNumberSpan(2024, 0)).toBeUndefined();
  });

  it("reads a week number written as header weeks are ('Wk 13', 'Week 13', 'KW 13'), not only 'W13'", () => {
    for (const week of ["Wk 13", "Week 13", "KW 13", "cw13"]) expect(yearWeekNumberSpan(2024, week)).toEqual(yearWeekNumberSpan(2024, 13));
    expect(yearWeekNumberSpan(2024, "Wk")).toBeUndefined();
  });
});
