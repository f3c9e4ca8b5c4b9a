/**
 * Fits the interval-scale table of src/core/forecast/calibration.ts (INTERVAL_SCALES) from the per-series
 * scales that `forecast-m3 --cut k --scales-out file` writes on TRAINING cuts, and checks a table on
 * another cut: `node dist-cli/bench/interval-calibration.js --fit cut2.json,cut3.json [--check cut1.json]`;
 * --leave-one-out cut1.json,cut2.json,cut3.json fits on all cuts but one and checks on that one, for each.
 * For each class of series (calibration.ts seriesClass: season length and short/long history) the
 * fitted scale at level L is the L-quantile of the pooled |y - forecast| / half-width ratios, so that
 * share L of the training-cut values would fall inside. --check prints the coverage the table in
 * calibration.ts gives on the other cut, per M3 subset.
 */
import * as fs from "fs";
import { INTERVAL_SCALES, seriesClass, tableScale } from "../src/core/forecast/calibration";
import type { IntervalScaleCell } from "../src/core/forecast/calibration";

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

/** The table's cells fitted on rows: per class, the 80%- and 95%-quantiles of the needed scales. */
function fitTable(rows: ScaleRow[]): Record<string, IntervalScaleCell & { series: number }> {
  const table: Record<string, IntervalScaleCell & { series: number }> = {};
  for (const [name, group] of groupBy(rows, (r) => seriesClass(r.m, r.n))) {
    table[name] = {
      scale80: quantileOf(group.flatMap((r) => finite(r.scale80)), 0.8),
      scale95: quantileOf(group.flatMap((r) => finite(r.scale95)), 0.95),
      series: group.length,
    };
  }
  return table;
}

/** Coverage per subset of rows with a table's scales, and without (scale 1). */
function coverage(rows: ScaleRow[], table: Readonly<Record<string, IntervalScaleCell>>): string[] {
  return groupBy(rows, (r) => r.subset).map(([subset, group]) => {
    const counts = { inside80: 0, inside95: 0, raw80: 0, raw95: 0, points: 0 };
    for (const r of group) {
      const cell = table[seriesClass(r.m, r.n)];
      r.scale80.forEach((v, i) => {
        const w = r.scale95[i];
        counts.points++;
        if (v === null || v <= tableScale(cell, 80)) counts.inside80++;
        if (w === null || w <= tableScale(cell, 95)) counts.inside95++;
        if (v === null || v <= 1) counts.raw80++;
        if (w === null || w <= 1) counts.raw95++;
      });
    }
    const pct = (k: number): string => `${((100 * k) / counts.points).toFixed(1)}%`;
    return `  ${subset}: 80% ${pct(counts.inside80)} (uncalibrated ${pct(counts.raw80)}), 95% ${pct(counts.inside95)} (uncalibrated ${pct(counts.raw95)}) over ${counts.points} values`;
  });
}

function main(): void {
  const args = process.argv.slice(2);
  const at = (name: string): string | undefined => (args.indexOf(`--${name}`) >= 0 ? args[args.indexOf(`--${name}`) + 1] : undefined);
  const lines: string[] = [];
  const fitFiles = at("fit");
  if (fitFiles) {
    lines.push(`fitted on ${fitFiles}:`);
    for (const [name, cell] of Object.entries(fitTable(readRows(fitFiles)))) {
      lines.push(`  "${name}": { scale80: ${cell.scale80.toFixed(3)}, scale95: ${cell.scale95.toFixed(3)} }, // ${cell.series} series`);
    }
  }
  const checkFiles = at("check");
  if (checkFiles) lines.push(`coverage with calibration.ts's table on ${checkFiles}:`, ...coverage(readRows(checkFiles), INTERVAL_SCALES));
  const cutFiles = at("leave-one-out")?.split(",") ?? [];
  for (const held of cutFiles) {
    const table = fitTable(cutFiles.filter((f) => f !== held).flatMap((f) => readRows(f)));
    lines.push(`fitted on the other cuts, checked on ${held}:`, ...coverage(readRows(held), table));
  }
  process.stdout.write(lines.join("\n") + "\n");
}

main();
