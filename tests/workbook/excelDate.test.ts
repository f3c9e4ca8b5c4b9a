/**
 * Known answers: Excel's serial of a day (1900 date system) and the day Excel shows for a serial,
 * its 29 Feb 1900 included.
 */
import ExcelJS from "exceljs";
import { excelDateTime, serialFrom1904, serialOfDate } from "../../src/workbook/excelDate";

describe("serialOfDate", () => {
  test("a UTC date reads as Excel's serial, the time of day as its fraction", () => {
    expect(serialOfDate(new Date(Date.UTC(2024, 0, 1)))).toBe(45292);
    expect(serialOfDate(new Date(Date.UTC(2023, 11, 1, 18)))).toBe(45261.75);
    expect(serialOfDate(new Date(Date.UTC(1900, 2, 1)))).toBe(61);
  });

  test("ExcelJS's reading of a date serial comes back to the same serial, before 1 Mar 1900 too", async () => {
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet("Dates");
    [1, 59, 60, 61, 45292.5].forEach((serial, r) => {
      const cell = sheet.getCell(r + 1, 1);
      cell.value = serial;
      cell.numFmt = "yyyy-mm-dd";
    });
    const reread = new ExcelJS.Workbook();
    await reread.xlsx.load(await book.xlsx.writeBuffer());
    const values = [1, 2, 3, 4, 5].map((row) => reread.getWorksheet("Dates")!.getCell(row, 1).value);
    expect(values.every((value) => value instanceof Date)).toBe(true);
    expect(values.map((value) => serialOfDate(value as Date))).toEqual([1, 59, 60, 61, 45292.5]);
  });
});

describe("excelDateTime", () => {
  test("the day, weekday and time Excel shows for a serial", () => {
    expect(excelDateTime(45292.75)).toEqual({ year: 2024, month: 1, day: 1, weekday: 1, hour: 18, minute: 0, second: 0 });
    expect(excelDateTime(45337)).toMatchObject({ year: 2024, month: 2, day: 15, weekday: 4 });
  });

  test("serial 60 is 29 Feb 1900, the day Excel counts that never was; the days before it are one earlier", () => {
    expect(excelDateTime(59)).toMatchObject({ year: 1900, month: 2, day: 28 });
    expect(excelDateTime(60)).toMatchObject({ year: 1900, month: 2, day: 29 });
    expect(excelDateTime(61)).toMatchObject({ year: 1900, month: 3, day: 1, weekday: 4 });
    expect(excelDateTime(1)).toMatchObject({ year: 1900, month: 1, day: 1, weekday: 0 });
    expect(excelDateTime(0)).toMatchObject({ year: 1900, month: 1, day: 0 });
  });

  test("no day for a negative serial or one after 31 Dec 9999", () => {
    expect(excelDateTime(-0.5)).toBeUndefined();
    expect(excelDateTime(2958465.5)).toMatchObject({ year: 9999, month: 12, day: 31, hour: 12 });
    expect(excelDateTime(2958466)).toBeUndefined();
  });
});

describe("serialFrom1904", () => {
  it("gives the same day in the 1900 system: 1 Jan 2024 is 43830 in 1904 and 45292 in 1900", () => {
    expect(serialFrom1904(43830)).toBe(45292);
    expect(excelDateTime(serialFrom1904(0))).toMatchObject({ year: 1904, month: 1, day: 1 });
  });
});
