import { PlanningError } from "../../../src/core/errors";
import { classicalDecomposition } from "../../../src/core/forecast/decomposition";
import { familySeason, familySeasonFromIndices, itemFamilySeasons } from "../../../src/core/forecast/familySeason";
import { seasonalityTest } from "../../../src/core/forecast/seasonality";
import { mulberry32 } from "../../../src/core/random";

/** A smooth annual season (peak at position 8), its indices averaging 1. */
const SEASON = Array.from({ length: 12 }, (_, p) => 1 + 0.3 * Math.cos((2 * Math.PI * (p - 8)) / 12));

/** Items of one family: level x season x (1 + noise x standard normal), seeded. */
function family(levels: readonly number[], noise: number, seed: number, season: readonly number[] = SEASON, months = 36): number[][] {
  const random = mulberry32(seed);
  const normal = (): number => Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
  return levels.map((level) => Array.from({ length: months }, (_, t) => level * season[t % 12] * (1 + noise * normal())));
}

describe("familySeason: known answers", () => {
  it("recovers the exact season of 3 noise-free items of different sizes", () => {
    const found = familySeason(family([100, 250, 40], 0, 1), 12);
    expect(found?.seasonLength).toBe(12);
    found?.indices.forEach((index, p) => expect(index).toBeCloseTo(SEASON[p], 12));
    expect(found?.statistic).toBe(Infinity);
  });

  it("recovers the exact season when the items' noise cancels in the total, though no item shows it alone", () => {
    const random = mulberry32(11);
    const noise = Array.from({ length: 36 }, () => [0.5 * (random() - 0.5), 0.5 * (random() - 0.5)]);
    const items = [0, 1, 2].map((k) => Array.from({ length: 36 }, (_, t) => 100 * SEASON[t % 12] * (1 + (k < 2 ? noise[t][k] : -noise[t][0] - noise[t][1]))));
    for (const item of items) expect(seasonalityTest(item, 12).seasonal).toBe(false);
    const found = familySeason(items, 12);
    expect(found).toBeDefined();
    found?.indices.forEach((index, p) => expect(index).toBeCloseTo(SEASON[p], 12));
  });

  it("recovers the season of 3 items with 15% independent noise within 0.1, closer than any item's own decomposition", () => {
    const items = family([100, 150, 200], 0.15, 1);
    const error = (figure: readonly number[]): number => Math.sqrt(figure.reduce((s, v, p) => s + (v - SEASON[p]) ** 2, 0) / 12);
    const found = familySeason(items, 12);
    expect(found).toBeDefined();
    found?.indices.forEach((index, p) => expect(Math.abs(index - SEASON[p])).toBeLessThan(0.1));
    for (const item of items) expect(error(found?.indices ?? [])).toBeLessThan(error(classicalDecomposition(item, 12).figure));
  });

  it("aligns the indices with the first period of the histories", () => {
    const shifted = [...SEASON.slice(3), ...SEASON.slice(0, 3)];
    const found = familySeason(family([100, 60], 0, 1, shifted), 12);
    expect(found?.indices.indexOf(Math.max(...(found?.indices ?? [])))).toBe(5);
  });

  it("finds no season in a family without one", () => {
    const flat = new Array<number>(12).fill(1);
    for (const seed of [1, 2, 3, 4, 5]) expect(familySeason(family([100, 250, 40], 0.15, seed, flat), 12)).toBeUndefined();
  });
});

describe("familySeason: when there is no family season to give", () => {
  it("needs at least 2 items", () => {
    expect(familySeason(family([100], 0, 1), 12)).toBeUndefined();
    expect(familySeason([], 12)).toBeUndefined();
  });

  it("needs more than 2 full seasons and a season length above 1", () => {
    expect(familySeason(family([100, 50], 0, 1, SEASON, 24), 12)).toBeUndefined();
    expect(familySeason(family([100, 50], 0, 1, SEASON, 25), 12)).toBeDefined();
    expect(familySeason(family([100, 50], 0, 1), 1)).toBeUndefined();
  });

  it("needs a positive total in every period (multiplicative indices)", () => {
    const items = family([100, 50], 0, 1);
    items[0][4] = 0;
    items[1][4] = 0;
    expect(familySeason(items, 12)).toBeUndefined();
  });

  it("refuses items over different periods", () => {
    const [a, b] = family([100, 50], 0, 1);
    expect(() => familySeason([a, b.slice(1)], 12)).toThrow(PlanningError);
    expect(() => familySeason([a, b.slice(1)], 12)).toThrow(/same periods/);
  });
});

describe("itemFamilySeasons", () => {
  it("measures each family on its own items and gives none to items without a family", () => {
    const seasonal = family([100, 80], 0.05, 3);
    const flat = family([100, 80], 0.05, 3, new Array<number>(12).fill(1));
    const seasons = itemFamilySeasons(["Chairs", "Lamps", "Chairs", "Lamps", " "], [seasonal[0], flat[0], seasonal[1], flat[1], seasonal[0]], 12);
    expect(seasons[0]).toBeDefined();
    expect(seasons[2]).toBe(seasons[0]);
    expect(seasons[0]?.indices).toEqual(familySeason(seasonal, 12)?.indices);
    expect(seasons[1]).toBeUndefined();
    expect(seasons[3]).toBeUndefined();
    expect(seasons[4]).toBeUndefined();
  });
});

describe("familySeasonFromIndices", () => {
  test("takes the indices as given, one per period of the season", () => {
    expect(familySeasonFromIndices([0.8, 1.2, 1])).toMatchObject({ seasonLength: 3, indices: [0.8, 1.2, 1] });
  });

  test("refuses fewer than 2 indices and an index that is not a positive number, naming it", () => {
    expect(() => familySeasonFromIndices([1])).toThrow(/one seasonal index per period of the season \(2 or more\); got 1/);
    expect(() => familySeasonFromIndices([1.2, -0.1, 0.9])).toThrow(/Seasonal index 2 of the family's season is -0.1/);
    expect(() => familySeasonFromIndices([1.2, Number.NaN])).toThrow(/Seasonal index 2 .* is NaN/);
  });
});
