/**
 * Known answers: what Excel (en-US, standard column width) shows for these numbers and formats.
 */
import { formatNumber, generalNumber } from "../../src/workbook/numberFormat";

describe("generalNumber: Excel's General format", () => {
  test.each<[number, string]>([
    [0, "0"],
    [-0, "0"],
    [42, "42"],
    [-5, "-5"],
    [0.1 + 0.2, "0.3"],
    [1234.5678901234, "1234.56789"],
    [-1234.5678901234, "-1234.56789"],
    [1 / 3, "0.333333333"],
    [2 / 3, "0.666666667"],
    [12345678901, "12345678901"],
    [1234567890.5, "1234567891"],
    [123456789012, "1.23457E+11"],
    [100000000000, "1E+11"],
    [99999999999.9, "1E+11"],
    [0.00001, "0.00001"],
    [0.000012345, "0.000012345"],
    [0.0000123456, "1.23456E-05"],
    [1.2345e-9, "1.2345E-09"],
    [0.99999999999, "1"],
  ])("%p shows as %p", (value, shown) => {
    expect(generalNumber(value)).toBe(shown);
  });
});

describe("formatNumber: the number formats the cycle writes", () => {
  test.each<[number, string, string]>([
    [1234.5678, "#,##0", "1,235"],
    [1234567.4, "#,##0", "1,234,567"],
    [-1677355.75, "#,##0", "-1,677,356"],
    [0.4, "#,##0", "0"],
    [999.5, "#,##0", "1,000"],
    [1234.5, "#,##0.00", "1,234.50"],
    [1.005, "#,##0.00", "1.01"],
    [0.98765, "0.0%", "98.8%"],
    [-0.0412, "0.0%", "-4.1%"],
    [1.0647, "0.0%", "106.5%"],
    [0, "0.0%", "0.0%"],
    [0.2, "0%", "20%"],
    [12.345, "0.0", "12.3"],
    [1234.5, "#,##0.##", "1,234.5"],
    [1234, "#,##0.##", "1,234."],
    [0.126, "#,##0.##", "0.13"],
  ])("%p under %p shows as %p", (value, format, shown) => {
    expect(formatNumber(value, format)).toBe(shown);
  });

  test("General, an empty format and text (@) show a number as General", () => {
    for (const format of [undefined, "", "General", "general", "@"]) expect(formatNumber(0.1 + 0.2, format)).toBe("0.3");
  });
});

describe("formatNumber: other formats planners use", () => {
  test.each<[number, string, string]>([
    [5, "000", "005"],
    [5, "0,000", "0,005"],
    [0, "#", ""],
    [0.5, "#.00", ".50"],
    [12.5, ".00", "12.50"],
    [5, "??0", "  5"],
    [1.5, "0.0?", "1.5 "],
    [1234567, "#,##0,", "1,235"],
    [1234567, "0.0,,", "1.2"],
    [-1234.5, "#,##0.00_);(#,##0.00)", "(1,234.50)"],
    [1234.5, "#,##0.00_);(#,##0.00)", "1,234.50 "],
    [-3, "#,##0;[Red]-#,##0", "-3"],
    [0, "#,##0;-#,##0;\"nil\"", "nil"],
    [-3, "0;;0", ""],
    [1234.5, "$#,##0.00", "$1,234.50"],
    [-1234.5, "$#,##0.00", "-$1,234.50"],
    [1234.5, "[$€-407] #,##0", "€ 1,235"],
    [7, '0 "units"', "7 units"],
    [7, "0\\h", "7h"],
    [1677355.75, "+#,##0;-#,##0;0", "+1,677,356"],
    [-118870.28, "+#,##0;-#,##0;0", "-118,870"],
  ])("%p under %p shows as %p", (value, format, shown) => {
    expect(formatNumber(value, format)).toBe(shown);
  });

  test("elapsed time, fractions of a second, fractions, scientific formats and conditions show as General", () => {
    for (const format of ["[h]:mm", "h:mm:ss.00", "# ?/?", "0.00E+00", "[<100]0;0.0"]) {
      expect(formatNumber(46023.5, format)).toBe("46023.5");
    }
  });

  test("numbers Excel cannot show read #NUM!", () => {
    expect(formatNumber(Number.NaN, "0.0")).toBe("#NUM!");
    expect(generalNumber(Number.POSITIVE_INFINITY)).toBe("#NUM!");
  });
});

describe("formatNumber: dates and times (Excel serials, en-US)", () => {
  // 45292 is Monday 1 Jan 2024; 45337 is Thursday 15 Feb 2024.
  test.each<[number, string, string]>([
    [45292, "mmm-yy", "Jan-24"],
    [45292, "mmm yyyy", "Jan 2024"],
    [45292, "yyyy-mm-dd", "2024-01-01"],
    [45337, "d/m/yyyy", "15/2/2024"],
    [45337, "m/d/yyyy", "2/15/2024"],
    [45337, "dd/mm/yy", "15/02/24"],
    [45337, "mm-dd-yy", "2/15/2024"],
    [45337, "d-mmm-yy", "15-Feb-24"],
    [45337, "d-mmm", "15-Feb"],
    [45337, "mmmm", "February"],
    [45337, "mmmmm", "F"],
    [45337, "MMM-YY", "Feb-24"],
    [45292, "dddd, mmmm d, yyyy", "Monday, January 1, 2024"],
    [45337, "ddd dd/mm/yy", "Thu 15/02/24"],
    [45292, 'yyyy"年"m"月"', "2024年1月"],
    [45292, "[$-409]mmmm d, yyyy;@", "January 1, 2024"],
    [45292, "[$-409]mmm\\-yy;@", "Jan-24"],
    [45292, "[Red]\\Qyyyy", "Q2024"],
  ])("%p under %p shows as %p", (serial, format, shown) => {
    expect(formatNumber(serial, format)).toBe(shown);
  });

  test.each<[number, string, string]>([
    [45292.75, "h:mm AM/PM", "6:00 PM"],
    [45292.25, "h:mm am/pm", "6:00 am"],
    [45292, "h AM/PM", "12 AM"],
    [45292.5, "h a/p", "12 p"],
    [45292 + (13 * 3600 + 2 * 60 + 5) / 86400, "hh:mm:ss", "13:02:05"],
    [45292 + 307 / 86400, "mm:ss", "05:07"],
    [45337.25, "yyyy-mm-dd hh:mm", "2024-02-15 06:00"],
    [45292.5, 'm/d/yy "h":mm', "1/1/2024 12:00"],
    [45292 + 0.4 / 86400, "h:mm:ss", "0:00:00"],
    [45292 + 0.6 / 86400, "h:mm:ss", "0:00:01"],
    [45292.9999999, "yyyy-mm-dd hh:mm:ss", "2024-01-02 00:00:00"],
  ])("%p under %p shows as %p (to the nearest second)", (serial, format, shown) => {
    expect(formatNumber(serial, format)).toBe(shown);
  });

  test("serials before 1 Mar 1900 count Excel's 29 Feb 1900, and serial 0 is 0 Jan 1900", () => {
    expect([0, 1, 59, 60, 61].map((serial) => formatNumber(serial, "yyyy-mm-dd"))).toEqual(["1900-01-00", "1900-01-01", "1900-02-28", "1900-02-29", "1900-03-01"]);
    expect([1, 7, 61].map((serial) => formatNumber(serial, "dddd"))).toEqual(["Sunday", "Saturday", "Thursday"]);
  });

  test("a negative serial or one after 31 Dec 9999 shows ########, as no date has it", () => {
    expect(formatNumber(2958465, "yyyy-mm-dd")).toBe("9999-12-31");
    expect(formatNumber(2958466, "yyyy-mm-dd")).toBe("########");
    expect(formatNumber(-1, "mmm-yy")).toBe("########");
    expect(formatNumber(-1, "mmm-yy;0")).toBe("1");
  });
});
