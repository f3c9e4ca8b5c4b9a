/**
 * Automatic mode on real series nobody here wrote or tuned on: the yearly, quarterly and monthly series
 * of R's own `datasets` package (AirPassengers, lynx, Nile, UKgas, ...), one holdout each, beside R
 * forecast's ets, auto.arima, thetaf and their mean on the same holdouts.
 *   Rscript bench/r-datasets.R DIR && npm run build:cli && node dist-cli/bench/r-datasets.js DIR
 * Prints sMAPE and MASE per series, their means, and the share of holdout values inside the 80% and 95%
 * intervals (the mean over series of each one's share; R's mean of three has no intervals). 26 series,
 * one origin each: a check that nothing is badly off on data outside M3, too few to choose a design on.
 */
import * as fs from "fs";
import * as path from "path";
import { forecastSeries } from "../src/core/forecast/forecastSeries";
import { mase, smape } from "../src/core/metrics";
import { meanOf } from "./m3Workers";

/** Rows of a CSV written by R's write.csv (no commas inside fields), as objects by header. */
function readCsv(file: string): Record<string, string>[] {
  const [header, ...lines] = fs.readFileSync(file, "utf8").trim().split("\n").map((line) => line.split(",").map((cell) => cell.replace(/^"|"$/g, "")));
  return lines.map((cells) => Object.fromEntries(header.map((name, i) => [name, cells[i]])));
}

function main(): void {
  const dir = process.argv[2];
  if (!dir) throw new Error("usage: node dist-cli/bench/r-datasets.js DIR (written by Rscript bench/r-datasets.R DIR)");
  const history = readCsv(path.join(dir, "history.csv"));
  const test = readCsv(path.join(dir, "test.csv"));
  const reference = readCsv(path.join(dir, "reference.csv"));
  const methods = [...new Set(reference.map((r) => r.method))];
  const ids = [...new Set(history.map((r) => r.series_id))];
  const scores: Record<string, { smape: number[]; mase: number[]; inside80: number[]; inside95: number[] }> = Object.fromEntries(
    ["sop auto", ...methods].map((m) => [m, { smape: [], mase: [], inside80: [], inside95: [] }]),
  );
  const lines = [`| series | m | n | sop auto sMAPE / MASE | ${methods.map((m) => `R ${m}`).join(" | ")} |`, `|---|---:|---:|---:|${methods.map(() => "---:").join("|")}|`];
  for (const id of ids) {
    const rows = history.filter((r) => r.series_id === id);
    const train = rows.map((r) => Number(r.value));
    const seasonLength = Number(rows[0].m);
    const actual = test.filter((r) => r.series_id === id).map((r) => Number(r.actual));
    const { mean, intervals } = forecastSeries({ history: train, horizon: actual.length, seasonLength, levels: [80, 95] });
    const inside = (k: number): number => actual.filter((y, i) => y >= intervals[k].lower[i] && y <= intervals[k].upper[i]).length / actual.length;
    const ours = { smape: smape(actual, mean), mase: mase(actual, mean, train, seasonLength), inside80: inside(0), inside95: inside(1) };
    for (const key of ["smape", "mase", "inside80", "inside95"] as const) scores["sop auto"][key].push(ours[key]);
    const theirs = methods.map((method) => reference.find((r) => r.series_id === id && r.method === method) as Record<string, string>);
    theirs.forEach((r, k) => {
      for (const key of ["smape", "mase", "inside80", "inside95"] as const) scores[methods[k]][key].push(Number(r[key]));
    });
    const pair = (s: number, m: number): string => `${s.toFixed(2)} / ${m.toFixed(3)}`;
    lines.push(`| ${id} | ${seasonLength} | ${train.length} | ${pair(ours.smape, ours.mase)} | ${theirs.map((r) => pair(Number(r.smape), Number(r.mase))).join(" | ")} |`);
  }
  lines.push("", `Mean over ${ids.length} series, sMAPE / MASE / 80% cover / 95% cover:`);
  for (const [method, s] of Object.entries(scores)) {
    const cover = (values: number[]): string => (values.some(Number.isFinite) ? `${(100 * meanOf(values)).toFixed(1)}%` : "-");
    lines.push(`  ${method === "sop auto" ? method : `R ${method}`}: ${meanOf(s.smape).toFixed(3)} / ${meanOf(s.mase).toFixed(3)} / ${cover(s.inside80)} / ${cover(s.inside95)}`);
  }
  process.stdout.write(lines.join("\n") + "\n");
  const summary = Object.fromEntries(
    Object.entries(scores).map(([method, s]) => [method, { smape: meanOf(s.smape), mase: meanOf(s.mase), cover80: 100 * meanOf(s.inside80), cover95: 100 * meanOf(s.inside95) }]),
  );
  const out = path.resolve(__dirname, "..", "..", "out", "bench-r-datasets.json");
  fs.mkdirSync(path.dirname(out), { recursive: true });
  fs.writeFileSync(out, JSON.stringify({ series: ids.length, summary }, null, 2));
}

main();
