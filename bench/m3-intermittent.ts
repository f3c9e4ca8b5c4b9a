/**
 * Intermittent demand built from M3 training parts (M3 has no zeros), to score automatic mode's
 * intermittent path against the single methods it chooses among:
 * `node dist-cli/bench/m3-intermittent.js [--cut 1] [--subset monthly] [--limit N] [--methods auto,croston,sba,tsb,adida,imapa,ets,theta] [--workers 2] [--dump FILE] [--occurrence 0.2,0.35,0.5] [--size 4] [--off-season K]`.
 *
 * Each M3 series' TRAINING part only (never its test part) is thinned: in each period demand occurs
 * with probability p (p = 0.2, 0.35, 0.5 in turn over the series, so ADI about 5, 2.9 and 2; or the
 * --occurrence list), drawn from a generator seeded by the series id, and an occurring demand is
 * round(4 · y_t / mean y) (at least 1; --size replaces the 4), so sizes keep the series' trend and
 * season at small counts, as spare parts. The last h
 * points of the thinned training part (block `--cut`, as forecast-m3.ts) are the test, the rest the
 * history. Scores per method: MASE and RMSSE scaled by the history's one-step naive errors (season
 * length 1, as the M5 competition scores intermittent demand; series whose history never changes are
 * left out), the share of test values inside the 80% and 95% intervals, and the share of series
 * automatic mode treated as intermittent. Means are over the series every method could forecast
 * (Croston-type methods fail on a history with fewer than 2 demands); the last column counts failures.
 * --off-season K leaves no demand at all in the K positions of each seasonal series' cycle whose training
 * values are lowest on average (a product sold only in its season; see `thinned`).
 * --dump FILE writes those series (id, season length, part, value) for bench/m3-intermittent-reference.R,
 * which scores R's ets, thetaf and croston on them the same way; their recorded figures
 * (M3_INTERMITTENT_REFERENCE) are printed below ours for the default run (cut 1, every subset, all series).
 */
import * as os from "os";
import * as path from "path";
import { forecastSeries } from "../src/core/forecast/forecastSeries";
import { loadM3, SUBSETS, trainingCut, type M3Series } from "./m3Data";
import * as fs from "fs";
import { flag, meanOf, runBench, scoreOnWorkers } from "./m3Workers";

/** Occurrence probabilities, given to the series in turn (default). */
const OCCURRENCE = [0.2, 0.35, 0.5];
/** Mean size of a demand relative to the series' mean level (default). */
const SIZE = 4;

/** A 32-bit seed from a series id (FNV-1a). */
function seedOf(id: string): number {
  let h = 2166136261;
  for (let i = 0; i < id.length; i++) h = Math.imul(h ^ id.charCodeAt(i), 16777619);
  return h >>> 0;
}

/** Uniform numbers in [0, 1) from a seed (mulberry32). */
function uniforms(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * The positions in the cycle (t mod m) of the `count` lowest mean values over a training part: the
 * months a seasonal product is not sold in.
 */
function offSeasonPositions(train: readonly number[], m: number, count: number): Set<number> {
  const means = Array.from({ length: m }, (_, p) => {
    const values = train.filter((_, t) => t % m === p);
    return { p, mean: values.reduce((s, v) => s + v, 0) / values.length };
  });
  return new Set(means.sort((a, b) => a.mean - b.mean).slice(0, count).map((x) => x.p));
}

/**
 * The series' training part thinned into intermittent counts (see the file's comment); the test part
 * dropped. With `offSeason` above 0, a seasonal series (m > 1) has no demand at all in the `offSeason`
 * positions of its cycle whose training values are lowest on average, as a product sold only in its
 * season; non-seasonal series are thinned as without it.
 */
function thinned(series: M3Series, index: number, occurrence: readonly number[], size: number, offSeason: number): M3Series {
  const p = occurrence[index % occurrence.length];
  const next = uniforms(seedOf(series.id));
  const level = series.train.reduce((s, v) => s + v, 0) / series.train.length;
  const m = series.seasonLength;
  const off = m > 1 && offSeason > 0 ? offSeasonPositions(series.train, m, Math.min(offSeason, m - 1)) : new Set<number>();
  const train = series.train.map((y, t) => (next() < p && !off.has(t % m) ? Math.max(1, Math.round((size * y) / level)) : 0));
  return { ...series, train, test: [] };
}

interface MethodScore {
  method: string;
  mase: number;
  rmsse: number;
  inside80: number;
  inside95: number;
  points: number;
  intermittent: boolean;
  failed: boolean;
}

/** Mean of |x_t - x_{t-1}| and of its square over a history. */
function naiveScales(history: readonly number[]): { absolute: number; squared: number } {
  let absolute = 0;
  let squared = 0;
  for (let t = 1; t < history.length; t++) {
    absolute += Math.abs(history[t] - history[t - 1]);
    squared += (history[t] - history[t - 1]) ** 2;
  }
  return { absolute: absolute / (history.length - 1), squared: squared / (history.length - 1) };
}

/** Forecast one series by each method and score it. */
function scoreSeries(series: M3Series, methods: readonly string[]): MethodScore[] {
  const h = series.test.length;
  const scale = naiveScales(series.train);
  return methods.map((method) => {
    try {
      const outcome = forecastSeries({ history: series.train, horizon: h, seasonLength: series.seasonLength, method, levels: [80, 95] });
      const [i80, i95] = outcome.intervals;
      let absolute = 0;
      let squared = 0;
      let inside80 = 0;
      let inside95 = 0;
      series.test.forEach((y, i) => {
        absolute += Math.abs(y - outcome.mean[i]);
        squared += (y - outcome.mean[i]) ** 2;
        if (y >= i80.lower[i] && y <= i80.upper[i]) inside80++;
        if (y >= i95.lower[i] && y <= i95.upper[i]) inside95++;
      });
      return {
        method,
        mase: scale.absolute > 0 ? absolute / h / scale.absolute : NaN,
        rmsse: scale.squared > 0 ? Math.sqrt(squared / h / scale.squared) : NaN,
        inside80,
        inside95,
        points: h,
        intermittent: outcome.intermittent,
        failed: false,
      };
    } catch {
      return { method, mase: NaN, rmsse: NaN, inside80: 0, inside95: 0, points: 0, intermittent: false, failed: true };
    }
  });
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const directory = process.env.SOP_M3_DIR ?? path.resolve(__dirname, "..", "..", "..", "shared", "data", "m3");
  const cut = Number(flag(args, "cut") ?? 1);
  const limit = Number(flag(args, "limit") ?? Infinity);
  const subsetFlag = flag(args, "subset");
  const methods = (flag(args, "methods") ?? "auto,croston,sba,tsb,adida,imapa,ets,theta").split(",");
  const workers = Number(flag(args, "workers") ?? Math.max(1, Math.min(2, os.cpus().length)));
  const occurrence = flag(args, "occurrence")?.split(",").map(Number) ?? OCCURRENCE;
  const size = Number(flag(args, "size") ?? SIZE);
  const offSeason = Number(flag(args, "off-season") ?? 0);
  const series = SUBSETS.filter((s) => !subsetFlag || s === subsetFlag)
    .flatMap((s) => loadM3(directory, s).slice(0, limit))
    .map((s, i) => trainingCut({ ...thinned(s, i, occurrence, size, offSeason), test: s.test }, cut))
    .filter((s) => s.train.length >= 8 && s.train.some((v) => v > 0));
  const started = process.hrtime.bigint();
  const scores = await scoreOnWorkers(__filename, series, methods, workers, scoreSeries);
  const wallSeconds = Number(process.hrtime.bigint() - started) / 1e9;
  const auto = scores.map((row) => row.find((x) => x.method === "auto"));
  const intermittentShare = auto.every((x) => x === undefined) ? NaN : (100 * auto.filter((x) => x?.intermittent).length) / series.length;
  const lines = [
    `M3 training parts thinned into intermittent demand (p ${occurrence.join(", ")}, size ${size}${offSeason > 0 ? `, ${offSeason} off-season positions` : ""}), cut ${cut}: ${series.length} series in ${wallSeconds.toFixed(1)} s on ${workers} worker(s)` +
      (Number.isFinite(intermittentShare) ? `; automatic mode found ${intermittentShare.toFixed(1)}% intermittent` : ""),
    "",
    "| method | MASE | RMSSE | 80% cover | 95% cover | failed series |",
    "|---|---:|---:|---:|---:|---:|",
  ];
  const common = scores.filter((row) => row.every((x) => !x.failed));
  lines[0] += `; means over the ${common.length} series every method could forecast`;
  methods.forEach((method, k) => {
    const rows = common.map((row) => row[k]);
    const points = rows.reduce((s, x) => s + x.points, 0);
    const f = (v: number, d = 3): string => (Number.isFinite(v) ? v.toFixed(d) : "");
    lines.push(
      `| ${method} | ${f(meanOf(rows.map((x) => x.mase)))} | ${f(meanOf(rows.map((x) => x.rmsse)))} | ${f((100 * rows.reduce((s, x) => s + x.inside80, 0)) / points, 1)}% | ${f((100 * rows.reduce((s, x) => s + x.inside95, 0)) / points, 1)}% | ${scores.filter((row) => row[k].failed).length} |`,
    );
  });
  if (cut === 1 && limit === Infinity && subsetFlag === undefined && occurrence === OCCURRENCE && size === SIZE && offSeason === 0) {
    for (const ref of M3_INTERMITTENT_REFERENCE) lines.push(`| R ${ref.method} | ${ref.mase.toFixed(3)} | ${ref.rmsse.toFixed(3)} | ${Number.isFinite(ref.cover80) ? `${ref.cover80.toFixed(1)}%` : ""} | ${Number.isFinite(ref.cover95) ? `${ref.cover95.toFixed(1)}%` : ""} | |`);
  }
  process.stdout.write(lines.join("\n") + "\n");
  const dump = flag(args, "dump");
  if (dump !== undefined) {
    const kept = series.filter((_, i) => scores[i].every((x) => !x.failed));
    const rows = kept.flatMap((s) => [...s.train.map((v) => `${s.id},${s.seasonLength},train,${v}`), ...s.test.map((v) => `${s.id},${s.seasonLength},test,${v}`)]);
    fs.writeFileSync(dump, ["id,m,part,value", ...rows].join("\n") + "\n");
  }
}

/**
 * R 4.2.2 / forecast 8.20 on the same thinned series (cut 1, all subsets, the series every method of
 * ours could forecast), scored as above: `node dist-cli/bench/m3-intermittent.js --dump thinned.csv`, then
 * `Rscript bench/m3-intermittent-reference.R thinned.csv`.
 */
const M3_INTERMITTENT_REFERENCE: readonly { method: string; mase: number; rmsse: number; cover80: number; cover95: number }[] = [
  { method: "ets", mase: 1.2, rmsse: 0.876, cover80: 79.3, cover95: 91.5 },
  { method: "thetaf", mase: 1.241, rmsse: 0.903, cover80: 77.4, cover95: 92.1 },
  { method: "croston", mase: 1.214, rmsse: 0.872, cover80: NaN, cover95: NaN },
];

runBench(main, scoreSeries);
