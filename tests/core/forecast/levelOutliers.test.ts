import { levelOutliers } from "../../../src/core/forecast/levelOutliers";

describe("levelOutliers (modified z-score beyond 3.5, Iglewicz and Hoaglin)", () => {
  it("flags the value far from the median, by 0.6745 (x - median) / MAD", () => {
    // median 11, MAD 1: z(95) = 0.6745 * 84 = 56.7, z(10) = -0.67
    expect(levelOutliers([10, 11, 10, 95, 11, 10, 11])).toEqual([false, false, false, true, false, false, false]);
  });

  it("stops at 3.5: with median 100 and MAD 10, 151 (z 3.44) is not flagged and 152 (z 3.51) is", () => {
    const base = [90, 110, 90, 110, 100, 100, 90, 110];
    expect(levelOutliers([...base, 151]).at(-1)).toBe(false);
    expect(levelOutliers([...base, 152]).at(-1)).toBe(true);
  });

  it("flags nothing in mostly-zero (intermittent) demand, nor in fewer than 6 values", () => {
    expect(levelOutliers([0, 0, 12, 0, 0, 0, 9, 0, 0, 30])).toEqual(new Array(10).fill(false));
    expect(levelOutliers([10, 11, 10, 95, 11])).toEqual([false, false, false, false, false]);
  });
});
