import { etsForecaster } from "../../../../src/core/forecast/ets";
import { SEASONAL_ETS_CASES, SEASONAL_SERIES } from "../arima/rSeasonalCases";

/**
 * Automatic ETS on seasonal series searches every seasonal form by AICc, without seasonal adjustment, as R's ets(y)
 * (R 4.2.2, forecast 8.20, recorded by ../arima/rSeasonalCases.R). Ours optimises the level, slope and smoothing
 * parameters but starts the seasonal states from a heuristic and corrects them by at most two coordinate steps
 * (see selectEts), where R optimises them too. On three series that leaves ours at a worse optimum than R's:
 * JohnsonJohnson (quarterly, growing 25-fold: R's ETS(M,A,A) AICc 166.1, ours 296 for that form, so ours picks
 * ETS(M,A,M) at 175.3), UKgas (both ETS(M,A,M): R 1256.56, ours 1262.27) and N1800 (R's ETS(M,Ad,M) 1969.44,
 * ours 1970.26 for it and 1969.88 for ETS(M,A,M)).
 */
const WORSE_THAN_R = new Set(["JohnsonJohnson", "UKgas", "N1800"]);

describe("automatic ETS on seasonal series against R's ets()", () => {
  const fits = SEASONAL_ETS_CASES.map((c) => {
    const { y, m } = SEASONAL_SERIES[c.name];
    return { c, model: etsForecaster.fit(y, { seasonLength: m }) };
  });

  it("picks R's form on 12 of the 18 series", () => {
    const same = fits.filter(({ c, model }) => model.name === c.rModel).map(({ c }) => c.name);
    expect(same).toEqual(["USAccDeaths", "UKgas", "N1402", "N1500", "N1652", "N1982", "N2100", "N2300", "N0700", "N0800", "N0900", "N1000"]);
  });

  it.each(SEASONAL_ETS_CASES.filter((c) => !WORSE_THAN_R.has(c.name)).map((c) => [c.name, c] as const))(
    "%s: R's form within 1 AICc of R, or another form with a lower AICc than R's choice",
    (_, c) => {
      const { model } = fits.find((f) => f.c === c)!;
      if (model.name === c.rModel) expect(model.statistics.aicc).toBeLessThan(c.rAicc + 1);
      else expect(model.statistics.aicc).toBeLessThan(c.rAicc);
    },
  );

  it("forecasts within 5% of R where the form is R's", () => {
    for (const { c, model } of fits) {
      if (model.name !== c.rModel) continue;
      const mean = model.forecast(c.rMean.length, [95]).mean;
      mean.forEach((v, h) => expect(Math.abs(v - c.rMean[h]) / Math.abs(c.rMean[h])).toBeLessThan(0.05));
    }
  });
});
