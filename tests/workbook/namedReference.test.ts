import { namedReference } from "../../src/workbook/namedReference";

describe("namedReference", () => {
  it("gives the rectangle of a plain range, sheet-qualified", () => {
    expect(namedReference("=Sales!$B$2:$C$3")).toEqual({ address: "Sales!B2:C3" });
    expect(namedReference("='Sales History'!$A$1")).toEqual({ address: "'Sales History'!A1" });
  });

  it.each([
    ["=Sales!$A:$A", /whole columns \(Sales!\$A:\$A\)/],
    ["=Sales!$2:$5", /whole rows/],
    ["=Sales!$A$1:$B$2,Sales!$D$1:$E$2", /several areas/],
    ["=OFFSET(Sales!$A$1,0,0,COUNTA(Sales!$A:$A),1)", /formula/],
    ["=42", /constant/],
    ['="North"', /constant/],
    ["=TRUE", /constant/],
    ["={1,2;3,4}", /constant/],
    ["=#REF!$A$1:$B$2", /deleted/],
    ["=Sales!#REF!", /deleted/],
  ])("skips %s with a note saying why and what to do", (formula, why) => {
    const reference = namedReference(formula);
    expect(reference.address).toBeNull();
    expect(reference.note).toMatch(why);
    expect(reference.note).toMatch(/point the name at the cells/);
  });
});
