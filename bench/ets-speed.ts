/**
 * Speed and accuracy of automatic ETS on M3 (shared/data/m3): median fit + forecast CPU time per series
 * (single-threaded, forecast at the official horizon with 80% and 95% intervals), sMAPE and interval
 * coverage over the official horizon (trained on the training part only), and, given a folder of R's fits
 * (<subset>.tsv of id, model, AICc per line, as bench/ets-r-reference.R writes), how our AICc compares
 * with R's on the same series. Also the sMAPE and time of the fixed form ETS(A,A,A), Excel's FORECAST.ETS.
 *
 * Run: npx tsc -p tsconfig.cli.json && node dist-cli/bench/ets-speed.js [dataDir] [rReferenceDir]
 */
import { readFileSync, existsSync } from "fs";
import { join } from "path";
import { etsForecaster, etsModelForecaster } from "../src/core/forecast/ets";
import { smape } from "../src/core/metrics";
import { loadM3, median, SUBSETS } from "./m3Data";

const dataDir = process.argv[2] ?? "/work/shared/data/m3";
const referenceDir = process.argv[3];
for (const name of SUBSETS) {
  const all = loadM3(dataDir, name);
  const reference = new Map<string, { model: string; aicc: number }>();
  const referenceFile = referenceDir !== undefined ? join(referenceDir, `${name}.tsv`) : "";
  if (referenceFile !== "" && existsSync(referenceFile)) {
    for (const line of readFileSync(referenceFile, "utf8").trim().split("\n")) {
      const [id, model, aicc] = line.split("\t");
      reference.set(id, { model, aicc: Number(aicc) });
    }
  }
  const times: number[] = [];
  let total = 0;
  let accuracy = 0;
  const aiccGaps: number[] = [];
  let sameModel = 0;
  const covered = [0, 0];
  let testPoints = 0;
  const started = process.hrtime.bigint();
  for (const series of all) {
    const t0 = process.cpuUsage();
    const fitted = etsForecaster.fit(series.train, { seasonLength: series.seasonLength });
    const forecast = fitted.forecast(series.horizon, [80, 95]);
    const used = process.cpuUsage(t0);
    times.push((used.user + used.system) / 1e3);
    accuracy += smape(series.test, forecast.mean);
    for (const [i, interval] of forecast.intervals.entries()) {
      series.test.forEach((value, h) => {
        if (value >= interval.lower[h] && value <= interval.upper[h]) covered[i]++;
      });
    }
    testPoints += series.test.length;
    total++;
    const r = reference.get(series.id);
    if (r !== undefined) {
      aiccGaps.push(fitted.statistics.aicc - r.aicc);
      if (r.model === fitted.name) sameModel++;
    }
  }
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const lengths = all.map((s) => s.train.length);
  console.log(
    `${name}: ${total} series, sMAPE ${(accuracy / total).toFixed(3)}, median ${median(times).toFixed(2)} ms, ` +
      `80%/95% cover ${((100 * covered[0]) / testPoints).toFixed(1)}%/${((100 * covered[1]) / testPoints).toFixed(1)}%, ` +
      `wall ${seconds.toFixed(1)} s (${(total / seconds).toFixed(0)} series/s), n ${Math.min(...lengths)}-${Math.max(...lengths)}`,
  );
  if (name === "monthly") {
    const at = (low: number, high: number): string => {
      const sel = times.filter((_, i) => all[i].train.length >= low && all[i].train.length <= high);
      return sel.length > 0 ? `${median(sel).toFixed(2)} ms (${sel.length} series)` : "none";
    };
    console.log(`  monthly median time with n in 48..72: ${at(48, 72)}; with n = 126: ${at(126, 126)}`);
  }
  const aaa = etsModelForecaster({ error: "A", trend: "A", season: "A" });
  let aaaAccuracy = 0;
  const aaaTimes: number[] = [];
  for (const series of all) {
    const t0 = process.cpuUsage();
    const mean = aaa.fit(series.train, { seasonLength: series.seasonLength }).forecast(series.horizon, [80, 95]).mean;
    const used = process.cpuUsage(t0);
    aaaTimes.push((used.user + used.system) / 1e3);
    aaaAccuracy += smape(series.test, mean);
  }
  console.log(
    `  ETS(A,A,A) (A,A,N without season), as Excel: sMAPE ${(aaaAccuracy / total).toFixed(3)}, median ${median(aaaTimes).toFixed(2)} ms`,
  );
  if (aiccGaps.length > 0) {
    const sorted = [...aiccGaps].sort((a, b) => a - b);
    const worse = aiccGaps.filter((g) => g > 1).length;
    console.log(
      `  vs R on ${aiccGaps.length} series: same model ${sameModel}; AICc ours - R: median ${median(aiccGaps).toFixed(2)}, ` +
        `max ${sorted[sorted.length - 1].toFixed(2)}, worse by > 1: ${worse}`,
    );
  }
}
