/**
 * Holdout study of family seasonality in step 2: on sample workbooks drawn by the sample's generator
 * (seasonal families, and the same draws with the season switched off), step 1 cleans the history,
 * every item is fitted on its first 30 months and scored on the last 6, once as each item alone
 * (forecastSeries without a family season) and once with its family's season (measured on the first
 * 30 months of the family). Prints mean sMAPE per item and 80% interval coverage, for all
 * non-intermittent items and for the items that took the family season.
 * Usage: npm run bench:family-season [-- seed ...]   (default seeds: the sample's 20240101, 7, 42, 1234, 99)
 */
import * as fs from "fs";
import * as path from "path";
import { itemFamilySeasons } from "../src/core/forecast/familySeason";
import { forecastSeries } from "../src/core/forecast/forecastSeries";
import type { ForecastOutcome } from "../src/core/forecast/forecastSeries";
import { smape } from "../src/core/metrics";
import { runGatherStep } from "../src/cycle/gatherStep";
import { numberIn } from "../src/cycle/ownedSheets";
import { SHEETS } from "../src/cycle/sheets";
import { MemoryWorkbook } from "../src/workbook/memoryWorkbook";
import { buildSampleWorkbook, sampleData } from "../scripts/make-sample";

const TEST_MONTHS = 6;
const SEASON = 12;
const LEVEL = 80;

interface Scored {
  smape: number;
  covered: number;
}

interface ItemResult {
  intermittent: boolean;
  familySeason: boolean;
  alone: Scored;
  withFamily: Scored;
}

function score(outcome: ForecastOutcome, actual: readonly number[]): Scored {
  const { lower, upper } = outcome.intervals[0];
  const inside = actual.filter((v, t) => v >= Math.max(0, lower[t]) && v <= upper[t]).length;
  return { smape: smape(actual, outcome.mean.map((v) => Math.max(0, v))), covered: inside / actual.length };
}

/** Every item of one generated workbook, scored alone and with its family's season. */
async function study(seed: number, seasonality: number): Promise<ItemResult[]> {
  const bytes = new Uint8Array((await buildSampleWorkbook(sampleData(seed, 10, seasonality)).xlsx.writeBuffer()) as ArrayBuffer);
  const book = await MemoryWorkbook.fromXlsx(bytes);
  await runGatherStep(book);
  const rows = (await book.read(SHEETS.cleanHistory)).slice(1);
  const histories = rows.map((row) => row.slice(2).map(numberIn));
  const train = histories.map((history) => history.slice(0, -TEST_MONTHS));
  const seasons = itemFamilySeasons(rows.map((row) => String(row[1] ?? "")), train, SEASON);
  return histories.map((history, i) => {
    const actual = history.slice(-TEST_MONTHS);
    const request = { history: train[i], horizon: TEST_MONTHS, seasonLength: SEASON, levels: [LEVEL] };
    const alone = forecastSeries(request);
    const withFamily = seasons[i] ? forecastSeries({ ...request, familySeason: seasons[i] }) : alone;
    return { intermittent: alone.intermittent, familySeason: withFamily.familySeason, alone: score(alone, actual), withFamily: score(withFamily, actual) };
  });
}

function summary(label: string, items: readonly ItemResult[]): string {
  const mean = (pick: (item: ItemResult) => number): number => items.reduce((s, item) => s + pick(item), 0) / Math.max(1, items.length);
  const cells = [
    mean((item) => item.alone.smape).toFixed(2),
    mean((item) => item.withFamily.smape).toFixed(2),
    (100 * mean((item) => item.alone.covered)).toFixed(0),
    (100 * mean((item) => item.withFamily.covered)).toFixed(0),
  ];
  return `  ${label.padEnd(44)} ${String(items.length).padStart(5)} ${cells.map((c) => c.padStart(9)).join(" ")}`;
}

async function main(): Promise<void> {
  const seeds = process.argv.slice(2).map(Number);
  const runs = seeds.length > 0 ? seeds : [20240101, 7, 42, 1234, 99];
  const header = `  ${"items".padEnd(44)} ${"n".padStart(5)} ${"sMAPE now".padStart(9)} ${"family".padStart(9)} ${"cover now".padStart(9)} ${"family".padStart(9)}`;
  const lines = [`Family season, holdout: fit on ${36 - TEST_MONTHS} months, score the last ${TEST_MONTHS} (sMAPE per item averaged; ${LEVEL}% interval cover in %)`];
  const json: Record<string, unknown> = {};
  for (const [kind, seasonality] of [["seasonal families", 1], ["families without season", 0]] as const) {
    const all: ItemResult[] = [];
    lines.push("", kind, header);
    for (const seed of runs) {
      const items = (await study(seed, seasonality)).filter((item) => !item.intermittent);
      all.push(...items);
      lines.push(summary(`seed ${seed}: all non-intermittent`, items), summary(`seed ${seed}: took the family season`, items.filter((item) => item.familySeason)));
    }
    lines.push(summary("all seeds: all non-intermittent", all), summary("all seeds: took the family season", all.filter((item) => item.familySeason)));
    json[kind] = all;
  }
  process.stdout.write(`${lines.join("\n")}\n`);
  const out = path.join(__dirname, "..", "..", "out");
  fs.mkdirSync(out, { recursive: true });
  fs.writeFileSync(path.join(out, "bench-family-season.json"), JSON.stringify(json, null, 1));
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
});
