import { inputText, parseTyped } from "../../src/preview/typedInput";

describe("parseTyped", () => {
  test("reads numbers, booleans, formulas and blanks as Excel does; anything else stays text as typed", () => {
    expect(parseTyped(" 12.5 ")).toBe(12.5);
    expect(parseTyped("-3e2")).toBe(-300);
    expect(parseTyped("true")).toBe(true);
    expect(parseTyped("=SOP.GAP(A1:A3,B1:B3)")).toEqual({ formula: "=SOP.GAP(A1:A3,B1:B3)" });
    expect(parseTyped("   ")).toBeNull();
    expect(parseTyped("CH-101")).toBe("CH-101");
    expect(parseTyped("12 pcs")).toBe("12 pcs");
  });
});

describe("inputText", () => {
  test("gives back what parseTyped read, with formulas shown with their =", () => {
    for (const typed of ["12.5", "TRUE", "=SOP.GAP(A1:A3,B1:B3)", "CH-101", ""]) expect(inputText(parseTyped(typed))).toBe(typed);
    expect(inputText({ formula: "SUM(A1:A3)" })).toBe("=SUM(A1:A3)");
  });

  test("shows a number to the 15 significant digits Excel keeps", () => {
    expect(inputText(0.1 + 0.2)).toBe("0.3");
    expect(inputText(1234.5678901234)).toBe("1234.5678901234");
  });
});
