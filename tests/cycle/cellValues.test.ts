import { toNumber } from "../../src/cycle/cellValues";

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
    ["-", 0],
    [" – ", 0],
  ])("reads %j as %d", (value, expected) => {
    expect(toNumber(value)).toBe(expected);
  });

  it.each([["n/a"], ["12,34"], ["1,2345"], ["(-3)"], ["--"], [""], [null], [true], [Number.NaN]])("refuses %j", (value) => {
    expect(toNumber(value)).toBeNull();
  });
});
