/**
 * Latency of one forecast on the series the M3 bench times (the last 60 training points of the first
 * M3 monthly series with 60 or more, horizon 18, 80% and 95% intervals): automatic mode (forecastSeries,
 * as one =SOP.FORECAST call), automatic ETS alone and seasonal automatic ARIMA alone (m = 12). For
 * each: 5 blocks of 200 calls after 20 warm-up calls; the lowest block median of wall time and of CPU
 * time per call (process.cpuUsage, user + system), the five wall-time block medians, and the load
 * average, so figures from a loaded machine can be read.
 *
 * Run: npm run build:cli && node dist-cli/bench/auto-speed.js [dataDir] [calls per block]
 */
import * as os from "os";
import { forecastSeries } from "../src/core/forecast/forecastSeries";
import { arimaForecaster } from "../src/core/forecast/arima";
import { etsForecaster } from "../src/core/forecast/ets";
import { loadM3, median } from "./m3Data";

const dataDir = process.argv[2] ?? "/work/shared/data/m3";
const calls = Number(process.argv[3] ?? 200);
const monthly = loadM3(dataDir, "monthly");
const history = (monthly.find((s) => s.train.length >= 60) ?? monthly[0]).train.slice(-60);

/** Lowest block medians of wall and CPU milliseconds per call of `run`. */
function latency(label: string, run: () => void): void {
  const wallBlocks: number[] = [];
  const cpuBlocks: number[] = [];
  for (let block = 0; block < 5; block++) {
    const wall: number[] = [];
    const cpu: number[] = [];
    for (let i = 0; i < calls + 20; i++) {
      const started = process.hrtime.bigint();
      const t0 = process.cpuUsage();
      run();
      const used = process.cpuUsage(t0);
      if (i < 20) continue;
      wall.push(Number(process.hrtime.bigint() - started) / 1e6);
      cpu.push((used.user + used.system) / 1e3);
    }
    wallBlocks.push(median(wall));
    cpuBlocks.push(median(cpu));
  }
  console.log(
    `${label}: median ${Math.min(...wallBlocks).toFixed(2)} ms wall, ${Math.min(...cpuBlocks).toFixed(2)} ms CPU per call ` +
      `(block medians ${wallBlocks.map((v) => v.toFixed(2)).join(", ")} ms)`,
  );
}

console.log(`load average ${os.loadavg().map((v) => v.toFixed(2)).join(", ")}`);
latency("automatic mode (forecastSeries, 60 monthly points, h 18)", () => forecastSeries({ history, horizon: 18, seasonLength: 12 }));
latency("automatic ETS alone (m = 12)", () => etsForecaster.fit(history, { seasonLength: 12 }).forecast(18, [80, 95]));
latency("seasonal automatic ARIMA alone (m = 12)", () => arimaForecaster.fit(history, { seasonLength: 12 }).forecast(18, [80, 95]));
console.log(`load average ${os.loadavg().map((v) => v.toFixed(2)).join(", ")}`);
