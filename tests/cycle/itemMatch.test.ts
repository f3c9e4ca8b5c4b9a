import { itemMatchKey } from "../../src/cycle/itemMatch";

describe("itemMatchKey: one item however a cell spells its code", () => {
  it("matches letter case and, for codes of digits, leading zeros", () => {
    expect(itemMatchKey(" CH-101 ")).toBe(itemMatchKey("ch-101"));
    expect(itemMatchKey("000000000000100234")).toBe("100234");
    expect(itemMatchKey("0")).toBe("0");
  });

  it("keeps the zeros of a code that is not digits only", () => {
    expect(itemMatchKey("007-A")).toBe("007-a");
    expect(itemMatchKey("007-A")).not.toBe(itemMatchKey("7-A"));
  });
});
