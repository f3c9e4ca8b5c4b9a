import { classifyDemand } from "../../../src/core/forecast/intermittency";

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
