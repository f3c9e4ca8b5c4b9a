/**
 * Fits the interval-scale table of src/core/forecast/calibration.ts (INTERVAL_SCALES) from the per-series
 * scales that `forecast-m3 --cut k --scales-out file` writes on TRAINING cuts, and checks a table on
 * another cut: `node dist-cli/bench/interval-calibration.js --fit cut2.json,cut3.json [--check cut1.json]`.
 * For each class of series (calibration.ts seriesClass: season length and short/long history) the
 * fitted scale at level L is the L-quantile of the pooled |y - forecast| / half-width ratios, so that
 * share L of the training-cut values would fall inside. --check prints the coverage the table in
 * calibration.ts gives on the other cut, per M3 subset.
 */
import * as fs from "fs";
import { intervalScaleCell, seriesClass, tableScale } from "../src/core/forecast/calibration";

interface ScaleRow {
  subset: string;
  n: number;
  m: number;
  scale80: (number | null)[];
  scale95: (number | null)[];
}

/** The q-quantile (nearest rank) of the finite values. */
function quantileOf(values: number[], q: number): number {
  const sorted = values.filter(Number.isFinite).sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))];
}

/** Fewest series a cell is fitted on. */
const MIN_SERIES = 30;

/** Rows grouped by a key, keys sorted. */
function groupBy(rows: ScaleRow[], key: (r: ScaleRow) => string): [string, ScaleRow[]][] {
  const groups = new Map<string, ScaleRow[]>();
  for (const r of rows) groups.set(key(r), [...(groups.get(key(r)) ?? []), r]);
  return [...groups.entries()].sort(([a], [b]) => a.localeCompare(b));
}

/** Read and concatenate scale dumps. */
function readRows(files: string): ScaleRow[] {
  return files.split(",").flatMap((file) => JSON.parse(fs.readFileSync(file, "utf8")) as ScaleRow[]);
}

/** Finite numbers of a dumped list (JSON writes NaN as null). */
function finite(values: (number | null)[]): number[] {
  return values.filter((v): v is number => v !== null && Number.isFinite(v));
}

function main(): void {
  const args = process.argv.slice(2);
  const at = (name: string): string | undefined => (args.indexOf(`--${name}`) >= 0 ? args[args.indexOf(`--${name}`) + 1] : undefined);
  const fitFiles = at("fit");
  if (fitFiles) {
    const rows = readRows(fitFiles);
    const classOf = (r: ScaleRow): string => seriesClass(r.m, r.n);
    const seasonClassOf = (r: ScaleRow): string => classOf(r).slice(0, classOf(r).indexOf("-"));
    const lines = ["fitted on " + fitFiles + `; cells of fewer than ${MIN_SERIES} series left to their season-length cell`];
    for (const [name, group] of [...groupBy(rows, classOf), ...groupBy(rows, seasonClassOf)]) {
      if (group.length < MIN_SERIES) continue;
      const s80 = quantileOf(
        group.flatMap((r) => finite(r.scale80)),
        0.8,
      );
      const s95 = quantileOf(
        group.flatMap((r) => finite(r.scale95)),
        0.95,
      );
      lines.push(`  "${name}": { scale80: ${s80.toFixed(3)}, scale95: ${s95.toFixed(3)} }, // ${group.length} series`);
    }
    process.stdout.write(lines.join("\n") + "\n");
  }
  const checkFiles = at("check");
  if (checkFiles) {
    const rows = readRows(checkFiles);
    const lines = [`coverage with calibration.ts's table on ${checkFiles}:`];
    for (const subset of [...new Set(rows.map((r) => r.subset))]) {
      const group = rows.filter((r) => r.subset === subset);
      let inside80 = 0;
      let inside95 = 0;
      let points = 0;
      let raw80 = 0;
      let raw95 = 0;
      for (const r of group) {
        const cell = intervalScaleCell(r.m, r.n);
        r.scale80.forEach((v, i) => {
          const w = r.scale95[i];
          points++;
          if (v === null || v <= tableScale(cell, 80)) inside80++;
          if (w === null || w <= tableScale(cell, 95)) inside95++;
          if (v === null || v <= 1) raw80++;
          if (w === null || w <= 1) raw95++;
        });
      }
      const pct = (k: number): string => `${((100 * k) / points).toFixed(1)}%`;
      lines.push(
        `  ${subset}: 80% ${pct(inside80)} (uncalibrated ${pct(raw80)}), 95% ${pct(inside95)} (uncalibrated ${pct(raw95)}) over ${points} values`,
      );
    }
    process.stdout.write(lines.join("\n") + "\n");
  }
}

main();
