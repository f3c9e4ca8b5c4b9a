import { classifyDemand, seasonalOccurrenceZ } from "../../../src/core/forecast/intermittency";

describe("Syntetos-Boylan demand classification", () => {
  it("smooth: demand every period with stable sizes", () => {
    expect(classifyDemand([10, 12, 11, 9, 10, 11])).toMatchObject({ adi: 1, demandClass: "smooth", intermittent: false });
  });

  it("erratic: demand every period with sizes varying a lot (CV² >= 0.49)", () => {
    const r = classifyDemand([1, 20, 1, 30, 2, 25]);
    expect(r.cv2).toBeGreaterThanOrEqual(0.49);
    expect(r.demandClass).toBe("erratic");
  });

  it("intermittent: ADI 3 and equal sizes (CV² 0)", () => {
    expect(classifyDemand([0, 0, 5, 0, 0, 5, 0, 0, 5])).toMatchObject({ adi: 3, cv2: 0, demandClass: "intermittent", intermittent: true });
  });

  it("lumpy: sparse and variable; hand-computed ADI and CV²", () => {
    const r = classifyDemand([0, 2, 0, 0, 18, 0, 0, 0, 1]);
    expect(r.adi).toBeCloseTo((2 + 3 + 4) / 3, 12);
    const mean = 7;
    expect(r.cv2).toBeCloseTo(((25 + 121 + 36) / 3) / (mean * mean), 12);
    expect(r.demandClass).toBe("lumpy");
  });

  it("applies the cut-offs inclusively: ADI exactly 1.32 is intermittent", () => {
    const r = classifyDemand(Array.from({ length: 33 }, (_, t) => (t < 8 ? 0 : 5)));
    expect(r.adi).toBe(1.32);
    expect(r.demandClass).toBe("intermittent");
  });

  it("a history without demand counts as intermittent with no demands", () => {
    expect(classifyDemand([0, 0, 0])).toMatchObject({ demands: 0, intermittent: true });
  });
});

describe("seasonal occurrence: does the season decide which periods sell?", () => {
  it("hand-computed χ² for demand in each cycle's first half: X² = n = 20 on 3 degrees of freedom", () => {
    const history = [5, 5, 0, 0, 6, 4, 0, 0, 5, 6, 0, 0, 4, 5, 0, 0, 6, 5, 0, 0];
    // every position's share is 0 or 1 against 1/2 overall: X² = Σ 5 (1/2)² / (1/4) = 20
    const a = 2 / 27;
    expect(seasonalOccurrenceZ(history, 4)).toBeCloseTo((Math.cbrt(20 / 3) - (1 - a)) / Math.sqrt(a), 12);
    expect(seasonalOccurrenceZ(history, 4)).toBeCloseTo(3.51, 2);
  });

  it("is near 0 when orders fall in any month, and undefined without two cycles or without zeros", () => {
    const scattered = [0, 3, 0, 0, 2, 0, 0, 0, 4, 0, 1, 0, 0, 2, 0, 0, 0, 3, 0, 0, 5, 0, 0, 0, 2, 0, 0, 1, 0, 0, 0, 2, 0, 0, 0, 4];
    expect(Math.abs(seasonalOccurrenceZ(scattered, 12))).toBeLessThan(1.5);
    expect(seasonalOccurrenceZ([0, 5, 0, 5, 0, 5, 0], 4)).toBe(-Infinity);
    expect(seasonalOccurrenceZ([1, 2, 3, 4, 5, 6, 7, 8], 4)).toBe(-Infinity);
  });
});
