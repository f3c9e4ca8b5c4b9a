import { calendarDate, daySerial, daysInMonth, isoWeek, isoWeekLabel, isoWeekStart, isoWeekday } from "../../src/cycle/calendarDays";

describe("calendar days as Excel serials", () => {
  it("counts days as Excel does (1 Jan 2024 = 45292) and back", () => {
    expect(daySerial(2024, 1, 1)).toBe(45292);
    expect(calendarDate(45352)).toEqual({ year: 2024, month: 3, day: 1 });
    expect(daysInMonth(2024, 2)).toBe(29);
    expect(daysInMonth(2023, 2)).toBe(28);
  });

  it("numbers weekdays Monday 1 .. Sunday 7", () => {
    expect(isoWeekday(45292)).toBe(1); // Monday 1 Jan 2024
    expect(isoWeekday(daySerial(2024, 1, 7))).toBe(7);
  });

  it.each([
    // ISO 8601 examples around the turn of the year
    [2024, 12, 30, "2025-W01"],
    [2021, 1, 3, "2020-W53"],
    [2026, 1, 1, "2026-W01"],
    [2027, 1, 1, "2026-W53"],
    [2024, 1, 29, "2024-W05"],
  ])("%i-%i-%i is in ISO week %s", (year, month, day, label) => {
    expect(isoWeekLabel(daySerial(year, month, day))).toBe(label);
  });

  it("finds the Monday of an ISO week, and refuses a week the year does not have", () => {
    expect(isoWeekStart(2024, 5)).toBe(daySerial(2024, 1, 29));
    expect(isoWeekStart(2020, 53)).toBe(daySerial(2020, 12, 28));
    expect(isoWeek(isoWeekStart(2026, 53))).toEqual({ year: 2026, week: 53 });
    expect(() => isoWeekStart(2024, 53)).toThrow(RangeError);
  });
});
