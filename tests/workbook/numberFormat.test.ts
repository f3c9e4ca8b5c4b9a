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

  test("dates, times, fractions, scientific formats and conditions show as General", () => {
    for (const format of ["mm-dd-yy", "yyyy-mm-dd", "[h]:mm", "# ?/?", "0.00E+00", "[<100]0;0.0"]) {
      expect(formatNumber(46023.5, format)).toBe("46023.5");
    }
  });

  test("numbers Excel cannot show read #NUM!", () => {
    expect(formatNumber(Number.NaN, "0.0")).toBe("#NUM!");
    expect(generalNumber(Number.POSITIVE_INFINITY)).toBe("#NUM!");
  });
});
