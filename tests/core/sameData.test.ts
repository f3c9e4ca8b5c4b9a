import { sameData } from "../../src/core/sameData";

describe("sameData", () => {
  test("equal plain data is the same, however it was built", () => {
    const model = { periods: 2, items: [{ id: "A", cap: [Infinity, 5], price: undefined }], demand: { A: [1.5, NaN] } };
    expect(sameData(model, structuredClone(model))).toBe(true);
    expect(sameData([], [])).toBe(true);
    expect(sameData(null, null)).toBe(true);
  });

  test.each<[string, unknown, unknown]>([
    ["a different number deep inside", { d: { A: [1, 2] } }, { d: { A: [1, 2.000001] } }],
    ["a longer array", [1, 2], [1, 2, 3]],
    ["an extra key, even undefined", { a: 1 }, { a: 1, b: undefined }],
    ["a missing key", { a: 1, b: 2 }, { a: 1, c: 2 }],
    ["0 and -0", [0], [-0]],
    ["a number and its text", 1, "1"],
    ["an array and an object with its indices", [7], { 0: 7 }],
    ["null and an empty object", null, {}],
  ])("%s is not the same", (_case, a, b) => {
    expect(sameData(a, b)).toBe(false);
    expect(sameData(b, a)).toBe(false);
  });
});
