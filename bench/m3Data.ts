/**
 * The M3 data of ../shared/data/m3 as the benchmarks read it, and the median they report.
 */
import * as fs from "fs";
import * as path from "path";

/** The four M3 subsets, in the order the benchmarks print them. */
export const SUBSETS = ["yearly", "quarterly", "monthly", "other"] as const;
/** One of {@link SUBSETS}. */
export type Subset = (typeof SUBSETS)[number];

/** One M3 series: its training part, test part, season length (the file's frequency) and official horizon. */
export interface M3Series {
  id: string;
  subset: Subset;
  seasonLength: number;
  horizon: number;
  train: number[];
  test: number[];
}

/**
 * Read one subset: m3_<subset>_meta.csv (series_id, frequency, horizon, ...) and m3_<subset>.csv
 * (series_id, period, value, split), rows in period order per series.
 * @param directory - folder of the M3 files
 * @param subset - which subset
 * @returns the series in the order of the meta file
 */
export function loadM3(directory: string, subset: Subset): M3Series[] {
  const meta = fs.readFileSync(path.join(directory, `m3_${subset}_meta.csv`), "utf8").trim().split(/\r?\n/).slice(1);
  const bySeries = new Map<string, M3Series>();
  for (const line of meta) {
    const [id, frequency, horizon] = line.split(",");
    bySeries.set(id, { id, subset, seasonLength: Number(frequency), horizon: Number(horizon), train: [], test: [] });
  }
  const rows = fs.readFileSync(path.join(directory, `m3_${subset}.csv`), "utf8").trim().split(/\r?\n/).slice(1);
  for (const row of rows) {
    const [id, , value, split] = row.split(",");
    const series = bySeries.get(id);
    if (!series) continue;
    (split.trim() === "test" ? series.test : series.train).push(Number(value));
  }
  return [...bySeries.values()];
}

/**
 * The series cut `cut` blocks of h points before the end of its training part: the block is the test
 * part, what precedes it the training part (for design choices on training data only).
 * @param series - an M3 series
 * @param cut - 1 = the last h training points, 2 = the h before them, ...
 * @returns the series with training and test parts taken from its training part
 */
export function trainingCut(series: M3Series, cut: number): M3Series {
  const h = series.test.length;
  const end = series.train.length - (cut - 1) * h;
  return { ...series, train: series.train.slice(0, end - h), test: series.train.slice(end - h, end) };
}

/** The median as the benchmarks report it: the upper middle value of an even count. */
export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}
