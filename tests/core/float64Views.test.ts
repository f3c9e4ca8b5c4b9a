import { float64Views } from "../../src/core/float64Views";

describe("float64Views", () => {
  it("gives zero-filled arrays of the lengths asked, in order", () => {
    const [a, b, c] = float64Views(2, 0, 3);
    expect(Array.from(a)).toEqual([0, 0]);
    expect(b.length).toBe(0);
    expect(Array.from(c)).toEqual([0, 0, 0]);
  });

  it("gives arrays that do not overlap: writing one leaves the others as they were", () => {
    const [a, b, c] = float64Views(2, 3, 2);
    a.fill(1);
    c.fill(3);
    b.set([7, 8, 9]);
    expect(Array.from(a)).toEqual([1, 1]);
    expect(Array.from(b)).toEqual([7, 8, 9]);
    expect(Array.from(c)).toEqual([3, 3]);
  });
});
