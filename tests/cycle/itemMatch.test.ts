import { codeReadings, itemMatchKey, masterIdOf } from "../../src/cycle/itemMatch";

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

describe("masterIdOf: an item written with its name beside the code", () => {
  const master = new Map(["CH-101", "100234", "TB 7"].map((id) => [itemMatchKey(id), id]));

  it.each([
    ["CH-101 - Office chair", "CH-101"],
    ["CH-101 – Office chair", "CH-101"],
    ["CH-101: Office chair", "CH-101"],
    ["Office chair | CH-101", "CH-101"],
    ["Office chair (CH-101)", "CH-101"],
    ["000000000000100234 - Pump", "100234"],
    ["TB 7 - Table", "TB 7"],
  ])("reads %s as the master's %s", (sold, id) => {
    expect(masterIdOf(sold, master)).toEqual({ id, withName: true });
  });

  it("takes the whole cell first, and finds nothing in a code that merely starts like one", () => {
    expect(masterIdOf("ch-101", master)).toEqual({ id: "CH-101", withName: false });
    expect(masterIdOf("CH-1010", master)).toBeUndefined();
    expect(masterIdOf("CH-101-B", master)).toBeUndefined();
    expect(masterIdOf("TB 70", master)).toBeUndefined();
  });

  it("lists the readings most literal first, each once", () => {
    expect(codeReadings("CH-101 - Office chair")).toEqual(["CH-101 - Office chair", "CH-101", "Office chair"]);
    expect(codeReadings("Office chair (CH-101)")).toEqual(["Office chair (CH-101)", "CH-101"]);
    expect(codeReadings("CH-101")).toEqual(["CH-101"]);
  });
});
