import { etsFitFrom } from "../../../../src/core/forecast/ets/fit";

// M3 training parts (shared/data/m3) and R 4.2.2 / forecast 8.20 ets() fits of them:
// fit$par, fit$states[1, ] and fit$aicc, fit$loglik, fit$bic, fit$sigma2 as R printed them.
const N0001 = [940.66, 1084.86, 1244.98, 1445.02, 1683.17, 2038.15, 2342.52, 2602.45, 2927.87, 3103.96, 3360.27, 3807.63, 4387.88, 4936.99];
const N1982 = [
  1890, 1770, 2270, 2440, 2540, 2750, 2590, 2540, 2490, 2650, 2530, 3320, 2820, 3020, 3290, 3360, 3480, 3630, 3470, 3300, 3570, 3500, 3410,
  3630, 3350, 3450, 4030, 3980, 3780, 3990, 4360, 4000, 3900, 4040, 3850, 4050, 3740, 3450, 3700, 4010, 4070, 4420, 4150, 4060, 4950, 4230,
  3250, 3960, 3560, 3260, 4100, 4340, 4030, 4850, 4550, 4240, 4640, 4050, 3720, 4220, 3890, 3850, 4490, 4380, 4370, 4920, 4480, 4480, 4710,
  4100, 3980, 4450, 3810, 3810, 4280, 4270, 4460, 4770, 4300, 4410, 4930, 4280, 3710, 3880, 4080, 3500, 4060, 4130, 4250, 4550, 4350, 4160,
  4130, 3830, 3500, 3550, 3220, 2920, 3380, 3580, 3800, 4140, 3990, 3790, 4050, 3700, 3210, 3650, 3550, 3140, 3730, 4070, 4140, 4840, 4370,
];

describe("ETS likelihood matches R's forecast::ets", () => {
  it("reproduces R's AICc, log-likelihood, BIC and sigma2 for ETS(M,A,N) on M3 N0001 at R's estimates", () => {
    const model = { error: 2, trend: 1, season: 0, m: 1, alpha: 0.999899800789797, beta: 0.989488500043366, gamma: 0, phi: 1 };
    const fit = etsFitFrom(
      Float64Array.from(N0001),
      { error: "M", trend: "A", season: "N" },
      model,
      Float64Array.of(702.85145198881105, 286.853166356287375, 0),
      4,
    );
    expect(fit?.aicc).toBeCloseTo(180.27143007, 6);
    expect(-(fit?.criterion ?? NaN) / 2).toBeCloseTo(-81.38571504, 6);
    expect(fit?.bic).toBeCloseTo(175.96671672, 6);
    expect(fit?.sigma2).toBeCloseTo(0.0021816913, 9);
  });

  it("reproduces R's AICc, log-likelihood, BIC and sigma2 for ETS(M,Ad,M) on M3 N1982 at R's estimates", () => {
    expect(N1982).toHaveLength(115);
    const model = {
      error: 2,
      trend: 1,
      season: 2,
      m: 12,
      alpha: 0.564701733844797,
      beta: 1.22216564769894e-4,
      gamma: 1.01070906063641e-4,
      phi: 0.976674639411358,
    };
    // R's states s1..s12 run from the most recent season back; the kernel's run forward from the first period.
    const rSeasons = [
      1.009146808300556, 0.897633662557231, 0.992695801844086, 1.07800929758292, 1.013775064649809, 1.060497722285933, 1.120833436813545,
      1.025102035620573, 1.020579079748715, 1.000473154626627, 0.868213957596369, 0.913039978373636,
    ];
    const initial = Float64Array.from([2233.602454940079497, 73.339225872793648, ...rSeasons.reverse()]);
    const fit = etsFitFrom(Float64Array.from(N1982), { error: "M", trend: "Ad", season: "M" }, model, initial, 17);
    expect(fit?.aicc).toBeCloseTo(1813.2907803, 5);
    expect(-(fit?.criterion ?? NaN) / 2).toBeCloseTo(-885.08289015, 6);
    expect(fit?.bic).toBeCloseTo(1855.57455861, 5);
    expect(fit?.sigma2).toBeCloseTo(0.0035053983, 9);
  });
});
