/**
 * Fits the interval-scale table of src/core/forecast/calibration.ts (INTERVAL_SCALES) on M3 TRAINING
 * cuts only, and scores calibration procedures by how they generalise forward in time.
 *
 * Refit after any change to the point forecasts (ONE command, after `npx tsc -p tsconfig.cli.json`):
 *   `node dist-cli/bench/interval-calibration.js --refit`
 * runs `forecast-m3 --cut k --scales-out` for the cuts the adopted procedure reads (older cut k is the
 * k-th block of h training points from the end; the test part is cut 0), fits it, and prints the
 * factors and the new INTERVAL_SCALES (the table in force times the factors) to paste into
 * calibration.ts. `--dir d` keeps the dumps in d (default a temporary folder); `--reuse` reads dumps
 * already in d instead of running the bench; `--workers N` is passed to forecast-m3 (default 1).
 *
 * Forward validation (calibration.ts, trial 4): `--forward d` reads d/cut1.json .. d/cut5.json and, for
 * k = 1, 2, 3, fits every candidate procedure on cuts older than k and prints its coverage on cut k per
 * M3 subset, and each candidate's score (mean points outside 77-83% and 93-97%) and mean 95% MSIS.
 *
 * The dumps hold the scale each test value needs RELATIVE to the table in force (|y - forecast| over
 * the interval's half-width on y's side), so a fitted factor multiplies the cell.
 */
import { execFileSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { INTERVAL_SCALES, seriesClass, weightedQuantile } from "../src/core/forecast/calibration";
import type { IntervalScaleCell } from "../src/core/forecast/calibration";

/** One series' dump at one cut (forecast-m3 --scales-out). */
interface ScaleRow {
  subset: string;
  n: number;
  m: number;
  scale80: (number | null)[];
  scale95: (number | null)[];
  /** 95% interval widths, absolute errors and the MASE scale, for MSIS (dumps since trial 5). */
  width95?: (number | null)[];
  absError?: (number | null)[];
  maseScale?: number | null;
}

/** Factors per class and level, one per horizon step (a single one for every step). */
type FactorTable = Record<string, { scale80: number[]; scale95: number[] }>;

/** A procedure: the factor table from the older cuts' rows, nearest cut first. */
type Procedure = (older: ScaleRow[][]) => FactorTable;

const LEVELS = [
  { key: "scale80", q: 0.8, low: 77, high: 83 },
  { key: "scale95", q: 0.95, low: 93, high: 97 },
] as const;

/** Finite numbers of a dumped list (JSON writes NaN as null), optionally one step only. */
function finite(values: (number | null)[], step?: number): number[] {
  const picked = step === undefined ? values : values.slice(step, step + 1);
  return picked.filter((v): v is number => v !== null && Number.isFinite(v));
}

/** The classes present in any of the cuts. */
function classesOf(cuts: ScaleRow[][]): string[] {
  return [...new Set(cuts.flat().map((r) => seriesClass(r.m, r.n)))].sort();
}

/** Rows of one class. */
function ofClass(rows: ScaleRow[], name: string): ScaleRow[] {
  return rows.filter((r) => seriesClass(r.m, r.n) === name);
}

/** Weighted quantile per class and level of the cuts (weights[i] for cuts[i]); 1 without values. */
function weighted(cuts: ScaleRow[][], weights: number[]): FactorTable {
  const table: FactorTable = {};
  for (const name of classesOf(cuts)) {
    const [scale80, scale95] = LEVELS.map(({ key, q }) => {
      const value = weightedQuantile(cuts.map((rows, i) => ({ values: ofClass(rows, name).flatMap((r) => finite(r[key])), weight: weights[i] })), q);
      return [Number.isFinite(value) ? value : 1];
    });
    table[name] = { scale80, scale95 };
  }
  return table;
}

/** Candidate procedures of trial 4 (calibration.ts JSDoc), by letter. */
const PROCEDURES: Record<string, Procedure> = {
  a: (older) => weighted(older.slice(0, 3), [1, 1, 1]),
  b: (older) => weighted(older.slice(0, 1), [1]),
  e: (older) => weighted(older.slice(0, 2), [1, 1]),
  c: (older) => weighted(older.slice(0, 3), [1, 0.5, 0.25]),
  d: (older) => {
    const near = weighted(older.slice(0, 1), [1]);
    if (older.length < 2) return near;
    const next = weighted(older.slice(1, 2), [1]);
    const table: FactorTable = {};
    for (const [name, cell] of Object.entries(near)) {
      const trend = (key: "scale80" | "scale95"): number[] => {
        const q1 = cell[key][0];
        const q2 = next[name]?.[key][0];
        return [q2 !== undefined && ofClass(older[1], name).length > 0 ? q1 * Math.sqrt(q1 / q2) : q1];
      };
      table[name] = { scale80: trend("scale80"), scale95: trend("scale95") };
    }
    return table;
  },
  f: (older) => {
    const cuts = older.slice(0, 3);
    const table: FactorTable = {};
    for (const name of classesOf(cuts)) {
      const steps = Math.max(...cuts.flat().filter((r) => seriesClass(r.m, r.n) === name).map((r) => r.scale80.length));
      const [scale80, scale95] = LEVELS.map(({ key, q }) =>
        Array.from({ length: steps }, (_, step) => {
          const value = weightedQuantile(cuts.map((rows) => ({ values: ofClass(rows, name).flatMap((r) => finite(r[key], step)), weight: 1 })), q);
          return Number.isFinite(value) ? value : 1;
        }),
      );
      table[name] = { scale80, scale95 };
    }
    return table;
  },
};

/** The procedure calibration.ts adopted (trial 4) and the cuts it is fitted on for real. */
const ADOPTED = "a";
const ADOPTED_CUTS = [1, 2, 3];

/** A table's factor for a class, level and step (1 for a class it does not hold). */
function factorAt(table: FactorTable, name: string, key: "scale80" | "scale95", step: number): number {
  const steps = table[name]?.[key];
  return steps ? steps[Math.min(step, steps.length - 1)] : 1;
}

/** Coverage in percent per subset and level of rows with a factor table. */
function coverage(rows: ScaleRow[], table: FactorTable): Map<string, [number, number]> {
  const result = new Map<string, [number, number]>();
  for (const subset of [...new Set(rows.map((r) => r.subset))].sort()) {
    const group = rows.filter((r) => r.subset === subset);
    const [c80, c95] = LEVELS.map(({ key }) => {
      let inside = 0;
      let points = 0;
      for (const r of group) {
        r[key].forEach((v, step) => {
          points++;
          if (v === null || v <= factorAt(table, seriesClass(r.m, r.n), key, step)) inside++;
        });
      }
      return (100 * inside) / points;
    });
    result.set(subset, [c80, c95]);
  }
  return result;
}

/**
 * Mean scaled interval score of the 95% intervals (M4: width + 40 x the miss beyond a bound, over the
 * MASE scale), each series' mean over its steps, then the mean over the subset's series, with the table's
 * factors applied to the widths; NaN where the dumps lack widths.
 */
function msis95(rows: ScaleRow[], table: FactorTable): number {
  const perSeries = rows.flatMap((r) => {
    if (!r.width95 || !r.absError || !(typeof r.maseScale === "number" && r.maseScale > 0)) return [];
    const scores = r.scale95.map((needed, step) => {
      const factor = factorAt(table, seriesClass(r.m, r.n), "scale95", step);
      const error = r.absError?.[step] ?? 0;
      const half = needed !== null && needed > 0 ? error / needed : 0;
      const width = r.width95?.[step] ?? 0;
      return (factor * width + 40 * Math.max(0, error - factor * half)) / (r.maseScale as number);
    });
    return [scores.reduce((a, b) => a + b, 0) / scores.length];
  });
  return perSeries.length > 0 ? perSeries.reduce((a, b) => a + b, 0) / perSeries.length : NaN;
}

/** Points by which a coverage lies outside [low, high] (0 inside). */
function outside(value: number, low: number, high: number): number {
  return Math.max(0, low - value, value - high);
}

/** Read one dump. */
function readRows(file: string): ScaleRow[] {
  return JSON.parse(fs.readFileSync(file, "utf8")) as ScaleRow[];
}

/** Forward validation of every candidate on dumps d/cut1.json .. d/cut5.json. */
function forward(dir: string): string[] {
  const cuts = [1, 2, 3, 4, 5].map((k) => readRows(path.join(dir, `cut${k}.json`)));
  const lines: string[] = [];
  const scores: [string, number, number[], number][] = [];
  for (const [letter, procedure] of Object.entries(PROCEDURES)) {
    const perCheck: number[] = [];
    const msis: number[] = [];
    for (const k of [1, 2, 3]) {
      const table = procedure(cuts.slice(k));
      const cover = coverage(cuts[k - 1], table);
      const distances = [...cover.values()].flatMap(([c80, c95]) => [outside(c80, 77, 83), outside(c95, 93, 97)]);
      perCheck.push(distances.reduce((s, x) => s + x, 0) / distances.length);
      const subsetMsis = [...cover.keys()].map((subset) => msis95(cuts[k - 1].filter((r) => r.subset === subset), table));
      msis.push(...subsetMsis);
      const shown = [...cover.entries()].map(([subset, [c80, c95]], i) => `${subset} ${c80.toFixed(1)}/${c95.toFixed(1)} MSIS ${subsetMsis[i].toFixed(3)}`).join(", ");
      lines.push(`(${letter}) cut ${k}: ${shown}; score ${perCheck[perCheck.length - 1].toFixed(2)}`);
    }
    scores.push([letter, perCheck.reduce((s, x) => s + x, 0) / perCheck.length, perCheck, msis.reduce((s, x) => s + x, 0) / msis.length]);
  }
  lines.push("scores (mean points outside 77-83 / 93-97 over checks, subsets and levels; mean 95% MSIS over checks and subsets):");
  for (const [letter, score, perCheck, msis] of scores) lines.push(`  (${letter}) ${score.toFixed(3)} (cuts 1, 2, 3: ${perCheck.map((x) => x.toFixed(2)).join(", ")}); MSIS ${msis.toFixed(3)}`);
  return lines;
}

/** Runs (or reuses) the adopted cuts, fits the adopted procedure and prints the new table. */
function refit(dir: string, reuse: boolean, workers: string): string[] {
  const bench = path.join(__dirname, "forecast-m3.js");
  fs.mkdirSync(dir, { recursive: true });
  const cuts = ADOPTED_CUTS.map((k) => {
    const file = path.join(dir, `cut${k}.json`);
    if (!reuse) execFileSync(process.execPath, [bench, "--cut", String(k), "--scales-out", file, "--workers", workers], { stdio: ["ignore", "ignore", "inherit"] });
    return readRows(file);
  });
  const factors = PROCEDURES[ADOPTED](cuts);
  const lines = [`procedure (${ADOPTED}) fitted on cuts ${ADOPTED_CUTS.join(", ")} (${dir}); factors on the table in force:`];
  const next: Record<string, IntervalScaleCell> = {};
  for (const [name, cell] of Object.entries(factors)) {
    lines.push(`  ${name}: 80% ${cell.scale80.map((x) => x.toFixed(3)).join(" ")}, 95% ${cell.scale95.map((x) => x.toFixed(3)).join(" ")}`);
    const old = INTERVAL_SCALES[name] ?? { scale80: 1, scale95: 1 };
    next[name] = { scale80: old.scale80 * cell.scale80[0], scale95: old.scale95 * cell.scale95[0] };
  }
  lines.push("new INTERVAL_SCALES:");
  for (const [name, cell] of Object.entries(next)) lines.push(`  ${JSON.stringify(name)}: { scale80: ${cell.scale80.toFixed(3)}, scale95: ${cell.scale95.toFixed(3)} },`);
  return lines;
}

function main(): void {
  const args = process.argv.slice(2);
  const at = (name: string): string | undefined => (args.indexOf(`--${name}`) >= 0 ? args[args.indexOf(`--${name}`) + 1] : undefined);
  const forwardDir = at("forward");
  const lines = forwardDir
    ? forward(forwardDir)
    : args.includes("--refit")
      ? refit(at("dir") ?? fs.mkdtempSync(path.join(os.tmpdir(), "calib-")), args.includes("--reuse"), at("workers") ?? "1")
      : ["usage: interval-calibration --refit [--dir d] [--reuse] [--workers N] | --forward d"];
  process.stdout.write(lines.join("\n") + "\n");
}

main();
