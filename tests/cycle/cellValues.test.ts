import { notNumberAdvice, numberIn, shownValue, toAttributeNumber, toNumber, writesDecimalComma } from "../../src/cycle/cellValues";

describe("toNumber: numbers as exports write them", () => {
  it.each([
    [12, 12],
    ["12", 12],
    [" 3.5 ", 3.5],
    ["1,234", 1234],
    ["1,234,567.25 ", 1234567.25],
    ["-1,234", -1234],
    ["1 234", 1234],
    ["(12)", -12],
    ["(1,200.5)", -1200.5],
    ["12-", -12],
    ["1,234.5 -", -1234.5],
    ["-", 0],
    [" – ", 0],
    ["\u221212", -12],
    ["2'345", 2345],
    ["1\u2019234.5", 1234.5],
  ])("reads %j as %d", (value, expected) => {
    expect(toNumber(value)).toBe(expected);
  });

  it.each([["n/a"], ["12,34"], ["1,2345"], ["(-3)"], ["-12-"], ["12--"], ["--"], [""], [null], [true], [Number.NaN], ["12'34"], ["'123"]])("refuses %j", (value) => {
    expect(toNumber(value)).toBeNull();
  });
});

describe("text that reads two ways is no number, with advice", () => {
  it.each([["1.234"], ["-12.500"], ["(1.000)"], ["1.234-"]])("%s is refused (1234 in a European export, a decimal otherwise)", (text) => {
    expect(toNumber(text)).toBeNull();
    expect(notNumberAdvice(text)).toMatch(/1234 or as 1.234/);
  });

  it("decimals that read one way only are numbers", () => {
    expect(toNumber("0.125")).toBe(0.125);
    expect(toNumber("1.5")).toBe(1.5);
    expect(toNumber("1,234.50")).toBe(1234.5);
  });

  it.each([
    ["1.234,5", /decimal comma/],
    ["12,5", /decimal comma/],
    ["0,500", /decimal comma/],
    ["-0,250", /decimal comma/],
    ["12 pcs", /unit/],
    ["n/a", /^Enter a number\.$/],
    ["#DIV/0!", /Excel error: correct the formula/],
    ["#N/A", /Excel error/],
  ])("%s: advice", (text, advice) => {
    expect(toNumber(text)).toBeNull();
    expect(notNumberAdvice(text)).toMatch(advice);
  });
});

describe("toAttributeNumber: prices, costs and rates as item master exports write them", () => {
  it.each([
    ["$1,250.00", 1250],
    ["12.50 EUR", 12.5],
    ["€ 12", 12],
    ["USD 7.25", 7.25],
    ["25%", 0.25],
    ["95 %", 0.95],
    [42, 42],
    ["(3.50)", -3.5],
    ["12,50 €", 12.5],
    ["1.300,00 EUR", 1300],
    ["€ 7,5", 7.5],
  ])("%p is %p", (text, value) => {
    expect(toAttributeNumber(text)).toBe(value);
  });

  it("reads nothing else: units, two currencies, a decimal comma that reads two ways", () => {
    expect([toAttributeNumber("12 pcs"), toAttributeNumber("$12 EUR"), toAttributeNumber("1.250 €"), toAttributeNumber("abc %")]).toEqual([null, null, null, null]);
  });
});

describe("a block's numbers written as text with decimal commas, settled as sop gather settles a file's", () => {
  it("is a European export when some text reads only with a decimal comma and none with a decimal point", () => {
    expect(writesDecimalComma(["1.234,000", "12,000", 7, null])).toBe(true);
    expect(writesDecimalComma(["0,500", "5,000-"])).toBe(true);
    expect(writesDecimalComma(["12,5", "3.25"])).toBe(false);
    expect(writesDecimalComma(["1,234", "12,000"])).toBe(false);
    expect(writesDecimalComma([12.5, 3])).toBe(false);
  });

  it.each([
    ["1.234,000", 1234],
    ["12,000", 12],
    ["7,5", 7.5],
    ["1.000,000-", -1000],
    ["(12,5)", -12.5],
    ["-", 0],
    [42, 42],
  ])("reads %j as %d with decimal commas", (value, expected) => {
    expect(numberIn(value, true)).toBe(expected);
  });

  it("reads as toNumber does otherwise, and refuses what follows neither", () => {
    expect([numberIn("1,234", false), numberIn("12,5", false), numberIn("1,2,3", true)]).toEqual([1234, null, null]);
  });
});

describe("shownValue", () => {
  it("shows a cell as Excel does in a message: TRUE and FALSE in capitals", () => {
    expect([shownValue(true), shownValue(false), shownValue("n/a"), shownValue(12)]).toEqual(["TRUE", "FALSE", "n/a", "12"]);
  });
});
