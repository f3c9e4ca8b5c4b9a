/**
 * Coherent forecasts on a generated item x location hierarchy: does MinT (shrink) keep or improve the
 * accuracy of the bottom level (item x location) against bottom-up, and are all levels coherent?
 *
 * Each seed draws 6 families x 20 items x 5 locations (600 bottom series; 2 regions of 3 and 2
 * locations) over 60 months: a family season and trend, AR(1) shocks shared by a family, by a location
 * and by an item, and count noise on each series; levels total, family, item, region, location and the
 * item x location series (734 series, a grouped structure). At rolling origins after months 36, 42
 * and 48 every series gets an ETS base forecast (fitted on the months before) for the next 12 months,
 * and its one-step in-sample errors; the forecasts are reconciled by each method and scored on the
 * held-out months: RMSE over all series and months of a level, and MASE (MAE over the in-sample
 * seasonal naive MAE) averaged over the series of a level. Coherence error = the largest gap between a
 * series and the sum of its bottom series. Optimality = the largest entry of S' W^-1 (yhat - S b) relative
 * to that of S' W^-1 yhat for MinT shrink's b: 0 when b solves the GLS normal equations, computed here
 * with a Cholesky factor of the full W, independently of the constraint form mint.ts solves.
 * The same on the sample workbook's hierarchy (scripts/make-sample.ts with 125 items a family: 500 items
 * -> 4 families -> total, 36 months), at origins after months 24 and 30, 6 months ahead.
 * Step 2 as the cycle runs it: the sample workbook (its seed 20240101 and the seeds given; 40 items in 4
 * families, 36 months) forecast by step
 * 2's own forecaster (automatic mode, family seasons) at origins after months 24 and 30, 6 months
 * ahead, its items as forecast (bottom-up) against step 2's coherent levels (coherentLevels: MinT
 * shrink on the forecaster's one-step errors), scored on the items and the families.
 * Usage: npm run bench:mint [-- seed ...]   (default seeds 1 2 3)
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { forecasterById } from "../src/core/forecast";
import { mulberry32 } from "../src/core/random";
import { coherenceError, reconcileForecasts, shrinkCovariance, structureFromLevels, sumUp, type ReconcileMethod, type SummingStructure } from "../src/core/reconcile";
import { choleskyFactor, choleskySolve } from "../src/core/cholesky";
import { sampleData } from "../scripts/make-sample";
import { itemFamilySeasons } from "../src/core/forecast";
import { coherentLevels } from "../src/cycle/coherentLevels";
import { forecastItems } from "../src/cycle/itemForecasts";

const FAMILIES = 6;
const ITEMS_PER_FAMILY = 20;
const LOCATIONS = ["DC1", "DC2", "DC3", "DC4", "DC5"];
const REGION = (location: number): string => (location < 3 ? "North" : "South");
const MONTHS = 60;
const SEASON = 12;
const HORIZON = 12;
const ORIGINS = [36, 42, 48];
/** The sample workbook has 36 months: origins after months 24 and 30, 6 months ahead. */
const SAMPLE_ORIGINS = [24, 30];
const SAMPLE_HORIZON = 6;
const METHODS: readonly ("base" | ReconcileMethod)[] = ["base", "bottom_up", "mint_shrink", "mint_diag", "wls_struct", "ols"];
const LEVELS = ["total", "family", "item", "region", "location", "bottom"];

type Random = () => number;

function normal(random: Random): number {
  const u = Math.max(random(), 1e-12);
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random());
}

function ar1(random: Random, phi: number, sigma: number): number[] {
  const out: number[] = [];
  let x = 0;
  for (let t = 0; t < MONTHS; t++) out.push((x = phi * x + sigma * normal(random)));
  return out;
}

/** The bottom series (item x location) of one seed, with their structure. */
function generate(seed: number): { structure: SummingStructure; bottom: number[][] } {
  const random = mulberry32(seed);
  const locationShare = LOCATIONS.map(() => 0.5 + random());
  const locationShock = LOCATIONS.map(() => ar1(random, 0.5, 0.06));
  const items: { id: string; levels: Record<string, string> }[] = [];
  const bottom: number[][] = [];
  for (let f = 0; f < FAMILIES; f++) {
    const amplitude = 0.1 + 0.35 * random();
    const phase = random() * SEASON;
    const trend = -0.004 + 0.014 * random();
    const familyShock = ar1(random, 0.6, 0.08);
    for (let k = 0; k < ITEMS_PER_FAMILY; k++) {
      const item = `F${f + 1}-${String(k + 1).padStart(2, "0")}`;
      const level = Math.exp(Math.log(30) + 0.9 * normal(random));
      const itemShock = ar1(random, 0.4, 0.05);
      LOCATIONS.forEach((location, l) => {
        items.push({ id: `${item}@${location}`, levels: { family: `F${f + 1}`, item, region: REGION(l), location } });
        bottom.push(
          Array.from({ length: MONTHS }, (_, t) => {
            const mean = level * locationShare[l] * (1 + amplitude * Math.sin((2 * Math.PI * (t + phase)) / SEASON)) * Math.exp(trend * t + familyShock[t] + locationShock[l][t] + itemShock[t]);
            return Math.max(0, Math.round(mean + Math.sqrt(mean) * normal(random)));
          }),
        );
      });
    }
  }
  return { structure: structureFromLevels(items, ["family", "item", "region", "location"]), bottom };
}

interface Scores {
  squared: Record<string, number>;
  count: Record<string, number>;
  mase: Record<string, number[]>;
}

const ets = forecasterById("ets");
const naive = forecasterById("naive");

/** ETS base forecast and one-step in-sample errors of one series (naive when ETS cannot fit it). */
function baseForecast(history: readonly number[], horizon: number): { mean: number[]; errors: number[] } {
  let model;
  try {
    model = ets.fit(history, { seasonLength: SEASON });
  } catch {
    model = naive.fit(history, { seasonLength: SEASON });
  }
  return { mean: model.forecast(horizon, [80]).mean, errors: history.map((y, t) => (Number.isFinite(model.fitted[t]) ? y - model.fitted[t] : Number.NaN)) };
}

/** max |S' W^-1 (yhat - S b)| / max |S' W^-1 yhat|: how far b is from the GLS normal equations. */
function optimality(structure: SummingStructure, base: readonly number[][], values: readonly number[][], errors: readonly number[][]): number {
  const { matrix, size } = shrinkCovariance(errors);
  if (!choleskyFactor(matrix, size)) return Number.NaN;
  const h = base[0].length;
  const solved = (rows: (t: number, i: number) => number): Float64Array => {
    const x = new Float64Array(size * h);
    for (let i = 0; i < size; i++) for (let t = 0; t < h; t++) x[i * h + t] = rows(t, i);
    choleskySolve(matrix, size, x, h);
    return x;
  };
  const largest = (x: Float64Array): number => {
    let worst = 0;
    structure.bottom.forEach((_, j) => {
      for (let t = 0; t < h; t++) {
        let g = 0;
        structure.nodes.forEach((node, i) => {
          if (node.members.includes(j)) g += x[i * h + t];
        });
        worst = Math.max(worst, Math.abs(g));
      }
    });
    return worst;
  };
  return largest(solved((t, i) => base[i][t] - values[i][t])) / largest(solved((t, i) => base[i][t]));
}

function seasonalNaiveMae(history: readonly number[]): number {
  let sum = 0;
  for (let t = SEASON; t < history.length; t++) sum += Math.abs(history[t] - history[t - SEASON]);
  return sum / (history.length - SEASON);
}

/** One hierarchy of one seed: its structure and every series (node order) over all months. */
interface Dataset {
  seed: number;
  structure: SummingStructure;
  all: number[][];
}

/** Score every method on rolling origins over the datasets of one study; the lines to print and the table. */
function study(title: string, datasets: readonly Dataset[], origins: readonly number[], horizon: number): { lines: string[]; json: unknown } {
  const scores: Record<string, Scores> = Object.fromEntries(METHODS.map((m) => [m, { squared: {}, count: {}, mase: {} }]));
  const lambdas: number[] = [];
  let worstCoherence = 0;
  let worstOptimality = 0;
  const bottomBySeed: string[] = [];
  let forecastCpu = 0;
  let reconcileCpu = 0;
  let reconcileCalls = 0;
  const started = Date.now();
  for (const { seed, structure, all } of datasets) {
    const before = { mint: { ...scores.mint_shrink.squared }, bu: { ...scores.bottom_up.squared }, count: { ...scores.bottom_up.count } };
    for (const origin of origins) {
      const cpu0 = process.cpuUsage();
      const fits = all.map((series) => baseForecast(series.slice(0, origin), horizon));
      const cpu1 = process.cpuUsage(cpu0);
      forecastCpu += (cpu1.user + cpu1.system) / 1e6;
      const base = fits.map((fit) => fit.mean);
      const errors = fits.map((fit) => fit.errors);
      const history = all.map((series) => series.slice(0, origin));
      const h = Math.min(horizon, all[0].length - origin);
      for (const method of METHODS) {
        const cpu2 = process.cpuUsage();
        const result = method === "base" ? { values: base, lambda: undefined } : reconcileForecasts(structure, base, { method, errors, history });
        if (method !== "base") {
          const cpu3 = process.cpuUsage(cpu2);
          reconcileCpu += (cpu3.user + cpu3.system) / 1e6;
          reconcileCalls++;
          worstCoherence = Math.max(worstCoherence, coherenceError(structure, result.values));
        }
        if (result.lambda !== undefined) {
          lambdas.push(result.lambda);
          worstOptimality = Math.max(worstOptimality, optimality(structure, base, result.values, errors));
        }
        const score = scores[method];
        structure.nodes.forEach((node, i) => {
          let squared = 0;
          let absolute = 0;
          for (let t = 0; t < h; t++) {
            const e = all[i][origin + t] - result.values[i][t];
            squared += e * e;
            absolute += Math.abs(e);
          }
          score.squared[node.level] = (score.squared[node.level] ?? 0) + squared;
          score.count[node.level] = (score.count[node.level] ?? 0) + h;
          const scale = seasonalNaiveMae(history[i]);
          if (scale > 0) (score.mase[node.level] ??= []).push(absolute / h / scale);
        });
      }
    }
    const seedRmse = (now: Record<string, number>, then: Record<string, number>): string =>
      Math.sqrt((now.bottom - (then.bottom ?? 0)) / (scores.bottom_up.count.bottom - (before.count.bottom ?? 0))).toFixed(3);
    bottomBySeed.push(`seed ${seed}: MinT shrink ${seedRmse(scores.mint_shrink.squared, before.mint)}, bottom-up ${seedRmse(scores.bottom_up.squared, before.bu)}`);
  }
  const levels = LEVELS.filter((l) => scores.base.count[l] !== undefined);
  const rmse = (m: string, level: string): number => Math.sqrt(scores[m].squared[level] / scores[m].count[level]);
  const mase = (m: string, level: string): number => scores[m].mase[level].reduce((a, b) => a + b, 0) / scores[m].mase[level].length;
  const { structure } = datasets[0];
  const lines = [
    `${title}: seeds ${datasets.map((d) => d.seed).join(", ")}; ${structure.bottom.length} bottom series, ${structure.nodes.length} series in all; origins after months ${origins.join(", ")}, ${horizon} months ahead; ETS base forecasts`,
    "",
    `RMSE by level (all series and months of the level)`,
    `  ${"method".padEnd(12)}${levels.map((l) => l.padStart(10)).join("")}`,
    ...METHODS.map((m) => `  ${m.padEnd(12)}${levels.map((l) => rmse(m, l).toFixed(2).padStart(10)).join("")}`),
    "",
    `MASE by level (mean over the series of the level)`,
    `  ${"method".padEnd(12)}${levels.map((l) => l.padStart(10)).join("")}`,
    ...METHODS.map((m) => `  ${m.padEnd(12)}${levels.map((l) => mase(m, l).toFixed(4).padStart(10)).join("")}`),
    "",
    `Bottom level: MinT shrink RMSE ${rmse("mint_shrink", "bottom").toFixed(3)} vs bottom-up ${rmse("bottom_up", "bottom").toFixed(3)}; MASE ${mase("mint_shrink", "bottom").toFixed(4)} vs ${mase("bottom_up", "bottom").toFixed(4)}`,
    `Bottom-level RMSE by seed: ${bottomBySeed.join("; ")}`,
    `Shrinkage lambda: ${Math.min(...lambdas).toFixed(3)} to ${Math.max(...lambdas).toFixed(3)}`,
    `Largest coherence error over every method, series and month: ${worstCoherence.toExponential(2)}; MinT shrink optimality (GLS normal equations, relative): ${worstOptimality.toExponential(2)}`,
    `CPU: base forecasts ${forecastCpu.toFixed(1)} s; reconciliation ${((1000 * reconcileCpu) / reconcileCalls).toFixed(0)} ms a call (${reconcileCalls} calls); wall ${((Date.now() - started) / 1000).toFixed(1)} s`,
  ];
  const table = Object.fromEntries(METHODS.map((m) => [m, Object.fromEntries(levels.map((l) => [l, { rmse: rmse(m, l), mase: mase(m, l) }]))]));
  return { lines, json: { seeds: datasets.map((d) => d.seed), origins, horizon, table, lambdas, worstCoherence, worstOptimality } };
}

/** Every series of a structure from its bottom series. */
const allSeries = (structure: SummingStructure, bottom: readonly number[][]): number[][] =>
  structure.nodes.map((node) => bottom[0].map((_, t) => node.members.reduce((s, j) => s + bottom[j][t], 0)));

/**
 * The sample workbook's hierarchy (scripts/make-sample.ts, 500 items in 4 families, 36 months): items ->
 * family -> total, with its planted problems cleaned simply (a blank month takes the month before, a
 * negative month 0).
 */
function sampleHierarchy(seed: number, itemsPerFamily = 125): Dataset {
  const data = sampleData(seed, itemsPerFamily);
  const bottom = data.items.map((item) => {
    let last = 0;
    return item.history.map((v) => (last = v === null ? last : Math.max(0, v)));
  });
  const structure = structureFromLevels(data.items.map((item) => ({ id: item.id, levels: { family: item.family } })), ["family"]);
  return { seed, structure, all: allSeries(structure, bottom) };
}

/**
 * Step 2's forecaster and coherent levels on the sample workbook's items (cleaned as sampleHierarchy
 * does): bottom-up (the items as forecast, what step 2 writes without `coherent`) against coherent.
 */
async function stepTwoStudy(seeds: readonly number[]): Promise<{ lines: string[]; json: unknown }> {
  const squared = { bottom_up: { item: 0, family: 0 }, coherent: { item: 0, family: 0 } };
  const counts = { item: 0, family: 0 };
  const methods: string[] = [];
  const cpu0 = process.cpuUsage();
  for (const seed of seeds) {
    const { structure, all } = sampleHierarchy(seed, 10);
    const data = sampleData(seed, 10);
    const families = data.items.map((item) => item.family);
    const bottom = structure.bottom.map((i) => all[i]);
    for (const origin of SAMPLE_ORIGINS) {
      const histories = bottom.map((row) => row.slice(0, origin));
      const seasons = itemFamilySeasons(families, histories, SEASON);
      const batch = { horizon: SAMPLE_HORIZON, seasonLength: SEASON, level: 80, holdout: 0 };
      const items = forecastItems({ ...batch, jobs: histories.map((history, i) => ({ history, familySeason: seasons[i] })) });
      const levels = await coherentLevels(
        items.map((fit, i) => ({ item: data.items[i].id, location: "", family: families[i], history: histories[i], forecast: fit.forecast, rmse: fit.rmse, errors: fit.errors })),
        async (totals) => forecastItems({ ...batch, jobs: totals.map((history) => ({ history })) }),
      );
      methods.push(`${levels.weights}${levels.lambda === undefined ? "" : ` (lambda ${levels.lambda.toFixed(2)})`}`);
      const score = (name: "bottom_up" | "coherent", rows: readonly (readonly number[])[]): void => {
        const values = sumUp(structure, rows);
        structure.nodes.forEach((node, i) => {
          const level = node.level === "family" ? "family" : node.level === "bottom" ? "item" : undefined;
          if (level === undefined) return;
          for (let t = 0; t < SAMPLE_HORIZON; t++) squared[name][level] += (all[i][origin + t] - values[i][t]) ** 2;
          if (name === "bottom_up") counts[level] += SAMPLE_HORIZON;
        });
      };
      score("bottom_up", items.map((fit) => fit.forecast));
      score("coherent", levels.bottom);
    }
  }
  const cpu = process.cpuUsage(cpu0);
  const rmse = (name: "bottom_up" | "coherent", level: "item" | "family"): number => Math.sqrt(squared[name][level] / counts[level]);
  const lines = [
    `Step 2 on the sample workbook (40 items, 4 families; step 2's automatic forecaster, family seasons): seeds ${seeds.join(", ")}; origins after months ${SAMPLE_ORIGINS.join(", ")}, ${SAMPLE_HORIZON} months ahead`,
    `  RMSE ${"level".padEnd(8)}${"bottom-up".padStart(12)}${"coherent".padStart(12)}`,
    ...(["item", "family"] as const).map((level) => `       ${level.padEnd(8)}${rmse("bottom_up", level).toFixed(2).padStart(12)}${rmse("coherent", level).toFixed(2).padStart(12)}`),
    `  Weights used: ${methods.join(", ")}; CPU ${((cpu.user + cpu.system) / 1e6).toFixed(1)} s`,
  ];
  return { lines, json: { seeds, origins: SAMPLE_ORIGINS, horizon: SAMPLE_HORIZON, item: { bottom_up: rmse("bottom_up", "item"), coherent: rmse("coherent", "item") }, family: { bottom_up: rmse("bottom_up", "family"), coherent: rmse("coherent", "family") } } };
}

async function main(): Promise<void> {
  const seeds = process.argv.slice(2).map(Number);
  const runs = seeds.length > 0 ? seeds : [1, 2, 3];
  const generated = study("MinT on a generated item x location hierarchy", runs.map((seed) => {
    const { structure, bottom } = generate(seed);
    return { seed, structure, all: allSeries(structure, bottom) };
  }), ORIGINS, HORIZON);
  const sample = study("MinT on the sample workbook's items -> families -> total", runs.map((seed) => sampleHierarchy(seed)), SAMPLE_ORIGINS, SAMPLE_HORIZON);
  const stepTwo = await stepTwoStudy([20240101, ...runs]);
  const footer = `Peak RSS ${Math.round(process.resourceUsage().maxRSS / 1024)} MB; load average ${os.loadavg()[0].toFixed(1)}`;
  process.stdout.write(`${[...generated.lines, "", ...sample.lines, "", ...stepTwo.lines, "", footer].join("\n")}\n`);
  const out = path.join(__dirname, "..", "..", "out");
  fs.mkdirSync(out, { recursive: true });
  fs.writeFileSync(path.join(out, "bench-mint.json"), `${JSON.stringify({ generated: generated.json, sample: sample.json, stepTwo: stepTwo.json }, null, 1)}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
});
