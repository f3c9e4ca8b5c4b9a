/**
 * Speed and accuracy of automatic ARIMA, on M3 training parts only (never the test parts):
 * - accuracy: for the yearly and other subsets (non-seasonal, as R's auto.arima(y, seasonal = FALSE)) and the
 *   quarterly and monthly ones (seasonal, m = 4 and 12, as R's auto.arima(ts(y, frequency = m))), the last h
 *   training values (6 yearly, 8 other and quarterly, 18 monthly) are held out, the model fitted on the rest and
 *   its forecast scored by sMAPE; given a folder of R's results on the same cut (<subset>.tsv, or
 *   <subset>-seasonal.tsv, of id, model, AICc, forecasts, as bench/arima-r-reference.R writes), R's sMAPE, how
 *   often the chosen model is the same and how the AICc values compare;
 * - speed: median CPU time of fit + 18-step forecast with 80% and 95% intervals on the last 60 training values
 *   of every M3 monthly series (season length 1, the series as given), and of the seasonal search (season
 *   length 12) on the same 60 values and on each whole monthly training part (48 to 126 values).
 *
 * Run: npx tsc -p tsconfig.cli.json && node dist-cli/bench/arima-speed.js [dataDir] [rReferenceDir]
 */
import { readFileSync, existsSync } from "fs";
import { join } from "path";
import { arimaForecaster } from "../src/core/forecast/arima";
import { smape } from "../src/core/metrics";
import { loadM3, median } from "./m3Data";

const dataDir = process.argv[2] ?? "/work/shared/data/m3";
const referenceDir = process.argv[3];
for (const [name, h, m] of [
  ["other", 8, 1],
  ["yearly", 6, 1],
  ["quarterly", 8, 4],
  ["monthly", 18, 12],
] as const) {
  const reference = new Map<string, { model: string; aicc: number; mean: number[] }>();
  const referenceFile = referenceDir !== undefined ? join(referenceDir, `${name}${m > 1 ? "-seasonal" : ""}.tsv`) : "";
  if (referenceFile !== "" && existsSync(referenceFile)) {
    for (const line of readFileSync(referenceFile, "utf8").trim().split("\n")) {
      const [id, model, aicc, mean] = line.split("\t");
      reference.set(id, { model, aicc: Number(aicc), mean: mean.split(",").map(Number) });
    }
  }
  let ours = 0;
  let count = 0;
  // On the series R was run on (all, or the sample arima-r-reference.R was given): ours, R's, same model.
  let oursMatched = 0;
  let theirs = 0;
  let matched = 0;
  let same = 0;
  const gaps: number[] = [];
  for (const { id, train: values } of loadM3(dataDir, name)) {
    const fit = values.slice(0, values.length - h);
    const held = values.slice(values.length - h);
    const model = arimaForecaster.fit(fit, { seasonLength: m });
    const error = smape(held, model.forecast(h, [95]).mean);
    ours += error;
    count++;
    const r = reference.get(id);
    if (r !== undefined) {
      oursMatched += error;
      theirs += smape(held, r.mean);
      matched++;
      if (r.model === model.name) same++;
      else gaps.push(model.statistics.aicc - r.aicc);
    }
  }
  let line = `${name} (m = ${m}): ${count} series, last ${h} training values held out: sMAPE ${(ours / count).toFixed(3)}`;
  if (matched > 0) {
    const sorted = [...gaps].sort((a, b) => a - b);
    line +=
      `; on the ${matched} series R was run on: ours ${(oursMatched / matched).toFixed(3)}, R ${(theirs / matched).toFixed(3)}, same model as R on ${same}; ` +
      `where different, AICc ours - R: median ${gaps.length > 0 ? median(gaps).toFixed(2) : "-"}, ` +
      `range ${sorted.length > 0 ? `${sorted[0].toFixed(2)} .. ${sorted[sorted.length - 1].toFixed(2)}` : "-"}`;
  }
  console.log(line);
}

const monthlyTrain = loadM3(dataDir, "monthly").map((s) => s.train);
const monthly = monthlyTrain.filter((train) => train.length >= 60).map((train) => train.slice(-60));
for (const values of monthly.slice(0, 50)) arimaForecaster.fit(values, { seasonLength: 1 });

/** Median and 90th percentile CPU time of fit + 18-step forecast with 80% and 95% intervals. */
function speed(label: string, series: number[][], seasonLength: number): void {
  const times: number[] = [];
  for (const values of series) {
    const t0 = process.cpuUsage();
    arimaForecaster.fit(values, { seasonLength }).forecast(18, [80, 95]);
    const used = process.cpuUsage(t0);
    times.push((used.user + used.system) / 1e3);
  }
  const sorted = [...times].sort((a, b) => a - b);
  console.log(
    `speed, ${label}: ${times.length} monthly series, fit + 18-step forecast: median ${median(times).toFixed(2)} ms, ` +
      `90th percentile ${sorted[Math.floor(0.9 * sorted.length)].toFixed(2)} ms, total ${(times.reduce((a, b) => a + b, 0) / 1e3).toFixed(1)} s`,
  );
}
speed("non-seasonal (m = 1), last 60 training values", monthly, 1);
speed("seasonal (m = 12), last 60 training values", monthly, 12);
speed("seasonal (m = 12), whole training parts", monthlyTrain, 12);
