/**
 * Closed-loop benchmark of rolling S&OP (issue 16 part 5): a generated company with known true demand
 * (trend, season, noise, promotions, a demand shift; several items on one shared line) runs 24 monthly
 * cycles headless. Each month the loop forecasts every item, plans supply with the product's optimiser
 * (src/core/supply optimizeSupply: 12 months, the first fenced to the last approved plan as the cycle
 * does by default), then the approved plan's production of the month meets the true demand: what is
 * not served waits one month as backlog, then is lost. Safety stock is sized as the product does:
 * z x sqrt(L) x the forecast's RMSE until 6 cycles have a measured lead-time error, then z x the RMSE
 * of that error (src/core/rolling lagErrorSafetyStocks).
 *
 * Three loops differ only in the forecast: the product's automatic forecast (src/core/forecast),
 * (a) last year's same month (seasonal naive) and (b) ETS(A,A,A), the model of Excel's FORECAST.ETS.
 * At the end: fill rate, average inventory, total cost, plan stability and accuracy by lag.
 *
 *   npm run bench:rolling        seeds 1 to 10: a table per seed, the product's margin against each
 *                                baseline by seed and on average; out/bench-rolling.json; the chart of
 *                                seed 1 (inventory and fill rate over the 24 months) in docs/rolling-benchmark.png
 *   node dist-cli/bench/rolling.js 3 2     seeds 1 to 3, chart of seed 2
 */

import * as fs from "fs";
import * as path from "path";
import { forecastSeries, itemFamilySeasons } from "../src/core/forecast";
import { mulberry32 } from "../src/core/random";
import { accuracyByLag, lagErrorSafetyStocks, planStability, type ActualRow, type ForecastSnapshotRow } from "../src/core/rolling";
import { optimizeSupply, type SupplyItem, type SupplyModel } from "../src/core/supply";
import { forecastItems } from "../src/cycle/itemForecasts";

/** Months of history before the first cycle. */
const HISTORY = 36;
/** Monthly cycles run. */
const CYCLES = 24;
/** Months each cycle plans. */
const HORIZON = 12;
const SERVICE_LEVEL = 0.95;
/** Months at the start of each plan fenced to the last approved plan (the product's default time fence). */
const FROZEN_MONTHS = 1;
/**
 * Months production is committed ahead of the demand it meets: a month's production is fixed one cycle
 * before it (the fence), so the stock must cover the error of that cycle's forecast for two months.
 */
const LEAD_TIME = FROZEN_MONTHS + 1;
const FIRST_YEAR = 2022;

interface TrueItem {
  id: string;
  family: string;
  price: number;
  unitCost: number;
  hoursPerUnit: number;
  /** True demand, month by month from the first history month. */
  demand: number[];
}

interface Company {
  items: TrueItem[];
  regularHours: number;
  overtimeHours: number;
  regularCost: number;
  overtimeCost: number;
}

function monthLabel(index: number): string {
  const year = FIRST_YEAR + Math.floor(index / 12);
  return `${year}-${String((index % 12) + 1).padStart(2, "0")}`;
}

function normal(random: () => number): number {
  return Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
}

/**
 * Six items in two families on one line, priced at 1.6 times their full cost. Each has a level, a trend
 * of 0 to 1% a month, its family's yearly season (15-35%, each family its own peak, each item within
 * 3 points of its family's amplitude), noise of 8-14%, two promotions a year (+40%, not known to any
 * forecast) and, for three items, a lasting shift of demand (+35%, -30%, +25%) ten months into the run.
 * The line's regular hours are 10% above the average load of the 24 months, with up to 25% more in
 * overtime: enough over a year, short at a season's peak unless the plan builds ahead (with exactly
 * the average load, every loop ran out of capacity for four months and the comparison measured that).
 */
function generateCompany(seed: number): Company {
  const random = mulberry32(seed);
  const months = HISTORY + CYCLES + HORIZON;
  const shifts = [0.35, 0, -0.3, 0, 0.25, 0];
  const families = [0, 1].map(() => ({ amplitude: 0.15 + 0.2 * random(), peak: Math.floor(12 * random()) }));
  const items: TrueItem[] = shifts.map((shift, i) => {
    const family = families[i < 3 ? 0 : 1];
    const level = 200 + Math.round(800 * random());
    const trend = 0.01 * random();
    const amplitude = family.amplitude + 0.06 * (random() - 0.5);
    const { peak } = family;
    const noise = 0.08 + 0.06 * random();
    const promotions = new Set<number>();
    for (let year = 0; year * 12 < months; year++) {
      promotions.add(year * 12 + Math.floor(6 * random()));
      promotions.add(year * 12 + 6 + Math.floor(6 * random()));
    }
    const demand = Array.from({ length: months }, (_, t) => {
      const season = 1 + amplitude * Math.cos((2 * Math.PI * (t - peak)) / 12);
      const shifted = t >= HISTORY + 10 ? 1 + shift : 1;
      const promoted = promotions.has(t) ? 1.4 : 1;
      return Math.max(0, Math.round(level * (1 + trend * t) * season * shifted * promoted * (1 + noise * normal(random))));
    });
    const unitCost = 10 + Math.round(30 * random());
    const hoursPerUnit = 0.5 + Math.round(10 * random()) / 10;
    // priced at 1.6 x the full cost of a unit made in regular hours (material + labour at 30 an hour)
    const price = Math.round(1.6 * (unitCost + 30 * hoursPerUnit));
    return { id: `P${i + 1}`, family: i < 3 ? "Family A" : "Family B", price, unitCost, hoursPerUnit, demand };
  });
  const hours = (t: number): number => items.reduce((s, item) => s + item.demand[t] * item.hoursPerUnit, 0);
  const meanHours = Array.from({ length: CYCLES }, (_, t) => hours(HISTORY + t)).reduce((s, h) => s + h, 0) / CYCLES;
  return { items, regularHours: Math.round(1.1 * meanHours), overtimeHours: Math.round(0.25 * meanHours), regularCost: 30, overtimeCost: 45 };
}

/** How a loop forecasts: the product's automatic method or a fixed method of the registry. */
interface ForecastRule {
  name: string;
  method: string;
}

const RULES: readonly ForecastRule[] = [
  { name: "Product (automatic forecast)", method: "auto" },
  { name: "(a) Last year's same month", method: "snaive" },
  { name: "(b) FORECAST.ETS, ETS(A,A,A)", method: "ets-aaa" },
];

interface MonthResult {
  period: string;
  demand: number;
  onTime: number;
  inventory: number;
  inventoryValue: number;
  backlog: number;
  lost: number;
  cost: number;
  safetyStock: number;
}

interface LoopResult {
  name: string;
  months: MonthResult[];
  fillRate: number;
  averageInventory: number;
  averageInventoryValue: number;
  totalCost: number;
  costs: { material: number; labour: number; holding: number; backlog: number; lostSales: number };
  overtimeHours: number;
  /** Inventory left after the last month, at unit cost (an asset, not a cost: reported beside the cost). */
  closingInventoryValue: number;
  stabilityProduction: number | null;
  stabilityConsensus: number | null;
  /** Total accuracy by lag 1 to 6 of the loop's forecasts (src/core/rolling accuracyByLag). */
  accuracy: { lag: number; cycles: number; wmape: number | null; bias: number | null }[];
  lagErrorFromCycle: number | null;
  cpuSeconds: number;
}

function supplyItem(item: TrueItem, safetyStock: number, inventory: number, backlog: number): SupplyItem {
  return {
    id: item.id,
    family: item.family,
    price: item.price,
    unitCost: item.unitCost,
    holdingCost: (item.unitCost * 0.25) / 12,
    backlogAllowed: true,
    backlogCost: item.price * 0.05,
    lostSalesCost: item.price,
    subcontractCap: new Array<number>(HORIZON).fill(0),
    safetyStock: new Array<number>(HORIZON).fill(safetyStock),
    safetyStockPenalty: item.price * 0.05,
    openingInventory: inventory,
    openingBacklog: backlog,
    endInventoryTarget: safetyStock,
    endBacklogMax: 0,
    hoursPerUnit: { Line: item.hoursPerUnit },
  };
}

/**
 * Each item's forecast of the next 12 months and its one-step RMSE: for the product, step 2's own
 * code (automatic mode, an item's family season where its own history shows none); for a baseline,
 * the fixed method.
 */
function forecastAll(items: readonly TrueItem[], now: number, rule: ForecastRule): { forecast: number[]; rmse: number }[] {
  const histories = items.map((item) => item.demand.slice(0, now));
  if (rule.method === "auto") {
    const seasons = itemFamilySeasons(
      items.map((item) => item.family),
      histories,
      12,
    );
    return forecastItems({ horizon: HORIZON, seasonLength: 12, level: 80, holdout: 0, jobs: histories.map((history, i) => ({ history, familySeason: seasons[i] })) });
  }
  return histories.map((history) => {
    const outcome = forecastSeries({ history, horizon: HORIZON, seasonLength: 12, method: rule.method, levels: [80] });
    return { forecast: outcome.mean.map((v) => Math.max(0, v)), rmse: outcome.statistics.rmse };
  });
}

async function runLoop(company: Company, rule: ForecastRule): Promise<LoopResult> {
  const cpu = process.cpuUsage();
  const { items } = company;
  const inventory = items.map((item) => Math.round(item.demand.slice(HISTORY - 3, HISTORY).reduce((s, v) => s + v, 0) / 3));
  const backlog = items.map(() => 0);
  const snapshots: ForecastSnapshotRow[] = [];
  const actuals: ActualRow[] = items.flatMap((item) => item.demand.slice(0, HISTORY).map((quantity, t) => ({ item: item.id, location: "", period: monthLabel(t), quantity })));
  let previous: Record<string, number[]> | undefined;
  let lagErrorFromCycle: number | null = null;
  const months: MonthResult[] = [];
  const costs = { material: 0, labour: 0, holding: 0, backlog: 0, lostSales: 0 };
  let overtimeHours = 0;
  for (let c = 0; c < CYCLES; c++) {
    const now = HISTORY + c;
    const cycle = monthLabel(now);
    const forecasts = forecastAll(items, now, rule);
    const demand = Object.fromEntries(items.map((item, i) => [item.id, forecasts[i].forecast]));
    const stocks = lagErrorSafetyStocks(
      snapshots,
      actuals,
      items.map((item, i) => ({ item: item.id, leadTime: LEAD_TIME, serviceLevel: SERVICE_LEVEL, holdoutRmse: forecasts[i].rmse })),
    );
    if (lagErrorFromCycle === null && stocks.every((s) => s.source === "lagError")) lagErrorFromCycle = c + 1;
    const model: SupplyModel = {
      periods: HORIZON,
      periodLabels: Array.from({ length: HORIZON }, (_, h) => monthLabel(now + h)),
      items: items.map((item, i) => supplyItem(item, Math.round(stocks[i].safetyStock), inventory[i], backlog[i])),
      resources: [
        {
          id: "Line",
          availableHours: new Array<number>(HORIZON).fill(company.regularHours),
          overtimeHoursCap: new Array<number>(HORIZON).fill(company.overtimeHours),
          regularCostPerHour: company.regularCost,
          overtimeCostPerHour: company.overtimeCost,
        },
      ],
      demand,
    };
    if (previous !== undefined) {
      const fenced = previous;
      model.timeFence = { periods: FROZEN_MONTHS, production: Object.fromEntries(items.map((item) => [item.id, fenced[item.id].slice(1, 1 + FROZEN_MONTHS)])), changeCost: Math.max(...items.map((item) => item.price)) };
    }
    const outcome = await optimizeSupply(model);
    if (outcome.status !== "optimal") throw new Error(`${rule.name}, cycle ${cycle}: ${outcome.message}`);
    const production = Object.fromEntries(outcome.plan.items.map((p) => [p.itemId, p.production]));
    items.forEach((item) => {
      for (let h = 0; h < HORIZON; h++) {
        snapshots.push({
          cycle,
          item: item.id,
          location: "",
          family: item.family,
          period: monthLabel(now + h),
          lag: h + 1,
          naive: item.demand[now - 1],
          statistical: demand[item.id][h],
          roles: {},
          consensus: demand[item.id][h],
          production: production[item.id][h],
        });
      }
    });
    // the month happens: the approved production meets true demand
    const month: MonthResult = { period: cycle, demand: 0, onTime: 0, inventory: 0, inventoryValue: 0, backlog: 0, lost: 0, cost: 0, safetyStock: 0 };
    let hours = 0;
    items.forEach((item, i) => {
      const made = production[item.id][0];
      hours += made * item.hoursPerUnit;
      let available = inventory[i] + made;
      const late = Math.min(backlog[i], available);
      available -= late;
      const lost = backlog[i] - late;
      const wanted = item.demand[now];
      const onTime = Math.min(wanted, available);
      inventory[i] = available - onTime;
      backlog[i] = wanted - onTime;
      const holding = inventory[i] * ((item.unitCost * 0.25) / 12);
      const owed = backlog[i] * item.price * 0.05;
      const lostCost = lost * item.price;
      costs.material += made * item.unitCost;
      costs.holding += holding;
      costs.backlog += owed;
      costs.lostSales += lostCost;
      month.cost += made * item.unitCost + holding + owed + lostCost;
      month.demand += wanted;
      month.onTime += onTime;
      month.inventory += inventory[i];
      month.inventoryValue += inventory[i] * item.unitCost;
      month.backlog += backlog[i];
      month.lost += lost;
      month.safetyStock += model.items[i].safetyStock[0];
      actuals.push({ item: item.id, location: "", period: cycle, quantity: wanted });
    });
    const overtime = Math.max(0, hours - company.regularHours);
    const labour = (hours - overtime) * company.regularCost + overtime * company.overtimeCost;
    costs.labour += labour;
    overtimeHours += overtime;
    month.cost += labour;
    months.push(month);
    previous = production;
  }
  // backlog still owed at the end is counted as lost
  items.forEach((item, i) => {
    costs.lostSales += backlog[i] * item.price;
  });
  const total = accuracyByLag(snapshots, actuals).filter((r) => r.level === "total");
  const used = process.cpuUsage(cpu);
  const sum = (f: (m: MonthResult) => number): number => months.reduce((s, m) => s + f(m), 0);
  return {
    name: rule.name,
    months,
    fillRate: sum((m) => m.onTime) / sum((m) => m.demand),
    averageInventory: sum((m) => m.inventory) / CYCLES,
    averageInventoryValue: sum((m) => m.inventoryValue) / CYCLES,
    totalCost: costs.material + costs.labour + costs.holding + costs.backlog + costs.lostSales,
    costs,
    overtimeHours,
    closingInventoryValue: items.reduce((s, item, i) => s + inventory[i] * item.unitCost, 0),
    stabilityProduction: planStability(snapshots, "production", 3).averageMoved,
    stabilityConsensus: planStability(snapshots, "consensus", 3).averageMoved,
    accuracy: total.map(({ lag, cycles, wmape, bias }) => ({ lag, cycles, wmape, bias })),
    lagErrorFromCycle,
    cpuSeconds: (used.user + used.system) / 1e6,
  };
}

const percent = (v: number | null, digits = 1): string => (v === null ? "-" : `${(100 * v).toFixed(digits)}%`);
const wmapeAt = (r: LoopResult, lag: number): number | null => r.accuracy.find((a) => a.lag === lag)?.wmape ?? null;
const money = (v: number): string => Math.round(v).toLocaleString("en-US");

/** The chart: total inventory (units) and fill rate month by month, one line per loop. */
function chartSvg(results: readonly LoopResult[]): string {
  const width = 900;
  const panel = 250;
  const left = 70;
  const right = 20;
  const colours = ["#1f6feb", "#d1242f", "#8250df"];
  const x = (t: number): number => left + ((width - left - right) * t) / (CYCLES - 1);
  const maxInventory = Math.max(...results.flatMap((r) => r.months.map((m) => m.inventory)));
  const inventoryTop = Math.ceil(maxInventory / 500) * 500;
  const minFill = Math.floor(Math.min(...results.flatMap((r) => r.months.map((m) => m.onTime / m.demand))) * 20) / 20;
  const panels = [
    { title: "Inventory at month end (units, all items)", top: 40, value: (m: MonthResult) => m.inventory, low: 0, high: inventoryTop, label: (v: number) => String(Math.round(v)) },
    { title: "Fill rate of the month (demand served on time)", top: 40 + panel + 70, value: (m: MonthResult) => m.onTime / m.demand, low: minFill, high: 1, label: (v: number) => `${Math.round(100 * v)}%` },
  ];
  const parts: string[] = [`<rect width="${width}" height="${2 * panel + 190}" fill="white"/>`];
  for (const p of panels) {
    const y = (v: number): number => p.top + panel - (panel * (v - p.low)) / (p.high - p.low);
    parts.push(`<text x="${left}" y="${p.top - 12}" font-size="15" font-weight="bold">${p.title}</text>`);
    for (let k = 0; k <= 4; k++) {
      const v = p.low + ((p.high - p.low) * k) / 4;
      parts.push(`<line x1="${left}" x2="${width - right}" y1="${y(v)}" y2="${y(v)}" stroke="#ddd"/>`, `<text x="${left - 8}" y="${y(v) + 4}" font-size="11" text-anchor="end">${p.label(v)}</text>`);
    }
    for (let t = 0; t < CYCLES; t += 3) parts.push(`<text x="${x(t)}" y="${p.top + panel + 16}" font-size="11" text-anchor="middle">${results[0].months[t].period}</text>`);
    results.forEach((r, k) => {
      const points = r.months.map((m, t) => `${x(t).toFixed(1)},${y(p.value(m)).toFixed(1)}`).join(" ");
      parts.push(`<polyline points="${points}" fill="none" stroke="${colours[k]}" stroke-width="2"/>`);
    });
  }
  results.forEach((r, k) => {
    const lx = left + k * 280;
    const ly = 2 * panel + 175;
    parts.push(`<line x1="${lx}" x2="${lx + 24}" y1="${ly - 4}" y2="${ly - 4}" stroke="${colours[k]}" stroke-width="3"/>`, `<text x="${lx + 30}" y="${ly}" font-size="12">${r.name}</text>`);
  });
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${2 * panel + 190}" font-family="Segoe UI, Arial, sans-serif">${parts.join("")}</svg>`;
}

async function writePng(svg: string, file: string): Promise<boolean> {
  try {
    const { chromium } = await import("playwright-core");
    const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: ["--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking", "--disable-component-update"] });
    try {
      const page = await browser.newPage({ viewport: { width: 900, height: 690 } });
      await page.setContent(`<html><body style="margin:0">${svg}</body></html>`);
      await page.screenshot({ path: file, fullPage: true });
    } finally {
      await browser.close();
    }
    return true;
  } catch (error) {
    console.log(`No PNG written (Chromium not available: ${(error as Error).message.split("\n")[0]}); the SVG is in out/.`);
    return false;
  }
}

/** Holding, backlog and lost-sales costs plus the overtime premium: what planning can change, the cost of making what was sold aside. */
function mismatchCost(r: LoopResult, company: Company): number {
  return r.costs.holding + r.costs.backlog + r.costs.lostSales + r.overtimeHours * (company.overtimeCost - company.regularCost);
}

function printLoops(results: readonly LoopResult[], company: Company): void {
  console.log("loop                             fill rate  avg inventory (units / value)  total cost  mismatch cost  overtime h  moved 3 mo (prod / cons)  WMAPE lag1 / lag3  bias lag1  CPU s");
  for (const r of results) {
    console.log(
      `${r.name.padEnd(32)} ${percent(r.fillRate, 2).padStart(9)}  ${Math.round(r.averageInventory).toString().padStart(13)} / ${money(r.averageInventoryValue).padStart(8)}  ${money(r.totalCost).padStart(10)}  ${money(mismatchCost(r, company)).padStart(13)}  ${money(r.overtimeHours).padStart(10)}  ${percent(r.stabilityProduction).padStart(12)} / ${percent(r.stabilityConsensus).padEnd(10)}  ${percent(wmapeAt(r, 1)).padStart(8)} / ${percent(wmapeAt(r, 3)).padEnd(7)}  ${percent(r.accuracy.find((a) => a.lag === 1)?.bias ?? null).padStart(9)}  ${r.cpuSeconds.toFixed(1)}`,
    );
  }
}

interface Margin {
  seed: number;
  baseline: string;
  fillRatePoints: number;
  totalCost: number;
  mismatchCost: number;
  inventory: number;
}

async function main(): Promise<void> {
  const seeds = Number(process.argv[2] ?? 10);
  const chartSeed = Number(process.argv[3] ?? 1);
  const root = path.resolve(__dirname, "..", "..");
  fs.mkdirSync(path.join(root, "out"), { recursive: true });
  console.log(`Closed loop: 6 items in 2 families on one line, ${HISTORY} months of history, ${CYCLES} monthly cycles planning ${HORIZON} months, production committed ${LEAD_TIME} months ahead; seeds 1 to ${seeds}`);
  const margins: Margin[] = [];
  const runs: { seed: number; results: LoopResult[] }[] = [];
  for (let seed = 1; seed <= seeds; seed++) {
    const company = generateCompany(seed);
    const results: LoopResult[] = [];
    for (const rule of RULES) results.push(await runLoop(company, rule));
    runs.push({ seed, results });
    const [product, ...baselines] = results;
    for (const b of baselines) {
      margins.push({
        seed,
        baseline: b.name,
        fillRatePoints: 100 * (product.fillRate - b.fillRate),
        totalCost: (product.totalCost - b.totalCost) / b.totalCost,
        mismatchCost: (mismatchCost(product, company) - mismatchCost(b, company)) / mismatchCost(b, company),
        inventory: (product.averageInventory - b.averageInventory) / b.averageInventory,
      });
    }
    console.log(`\nSeed ${seed}`);
    printLoops(results, company);
    if (seed === chartSeed) {
      const svg = chartSvg(results);
      fs.writeFileSync(path.join(root, "out", "rolling-benchmark.svg"), svg);
      const png = path.join(root, "docs", "rolling-benchmark.png");
      if (await writePng(svg, png)) console.log(`Chart of seed ${seed}: ${path.relative(root, png)}`);
    }
  }
  console.log("\nProduct against each baseline (product minus baseline), by seed:");
  console.log("baseline                         seed  fill rate  total cost  mismatch cost  avg inventory");
  for (const m of margins) {
    console.log(`${m.baseline.padEnd(32)} ${String(m.seed).padStart(4)}  ${m.fillRatePoints.toFixed(2).padStart(9)}  ${percent(m.totalCost, 2).padStart(10)}  ${percent(m.mismatchCost).padStart(13)}  ${percent(m.inventory).padStart(13)}`);
  }
  for (const baseline of RULES.slice(1).map((r) => r.name)) {
    const mine = margins.filter((m) => m.baseline === baseline);
    const mean = (f: (m: Margin) => number): number => mine.reduce((s, m) => s + f(m), 0) / mine.length;
    const wins = mine.filter((m) => m.fillRatePoints >= 0 && m.totalCost < 0).length;
    console.log(
      `Mean vs ${baseline}: fill rate ${mean((m) => m.fillRatePoints).toFixed(2)} points, total cost ${percent(mean((m) => m.totalCost), 2)}, mismatch cost ${percent(mean((m) => m.mismatchCost))}, average inventory ${percent(mean((m) => m.inventory))}; same or better fill rate at lower total cost in ${wins} of ${mine.length} seeds`,
    );
  }
  fs.writeFileSync(path.join(root, "out", "bench-rolling.json"), JSON.stringify({ seeds, margins, runs }, null, 2));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
