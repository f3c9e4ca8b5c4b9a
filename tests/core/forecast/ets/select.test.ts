import { etsCandidates } from "../../../../src/core/forecast/ets/select";
import { etsName } from "../../../../src/core/forecast/ets/spec";

const names = (y: number[], m: number): string[] => etsCandidates(Float64Array.from(y), m).map(etsName);

describe("etsCandidates (R's ets() default model set)", () => {
  const positive = Array.from({ length: 30 }, (_, t) => 10 + (t % 12));

  it("tries 15 forms on positive seasonal data, never A error with M season", () => {
    const forms = names(positive, 12);
    expect(forms).toHaveLength(15);
    expect(forms).toContain("ETS(M,Ad,M)");
    expect(forms).toContain("ETS(A,Ad,A)");
    expect(forms.filter((f) => /^ETS\(A,.*,M\)$/.test(f))).toEqual([]);
  });

  it("tries only additive-error, non-multiplicative-season forms when a value is zero or negative", () => {
    expect(names([0, ...positive], 12)).toEqual(["ETS(A,N,N)", "ETS(A,N,A)", "ETS(A,A,N)", "ETS(A,A,A)", "ETS(A,Ad,N)", "ETS(A,Ad,A)"]);
  });

  it("drops the season when m = 1, m > 24, or the series is not longer than one season", () => {
    expect(names(positive, 1)).toHaveLength(6);
    expect(names(positive, 26)).toHaveLength(6);
    expect(names(positive.slice(0, 12), 12)).toHaveLength(6);
  });
});
